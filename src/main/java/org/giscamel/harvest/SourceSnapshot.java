package org.giscamel.harvest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one walk of the source found: the registrations the portal should hold, the parts it could not read, and
 * the services that only a token showed.
 */
public final class SourceSnapshot {

    private final Map<String, DesiredRegistration> byLinkage;
    private final List<UnreadablePart> unreadable;
    private final List<String> visibleOnlyWithToken;

    public SourceSnapshot(Collection<DesiredRegistration> desired, List<UnreadablePart> unreadable) {
        this(desired, unreadable, List.of());
    }

    public SourceSnapshot(Collection<DesiredRegistration> desired, List<UnreadablePart> unreadable,
                          List<String> visibleOnlyWithToken) {
        Map<String, DesiredRegistration> map = new LinkedHashMap<>();
        desired.forEach(d -> map.putIfAbsent(d.linkage(), d));
        this.byLinkage = Collections.unmodifiableMap(map);
        this.unreadable = List.copyOf(unreadable);
        this.visibleOnlyWithToken = List.copyOf(visibleOnlyWithToken);
    }

    public Collection<DesiredRegistration> desired() {
        return byLinkage.values();
    }

    public Optional<DesiredRegistration> find(String linkage) {
        return Optional.ofNullable(byLinkage.get(linkage));
    }

    public List<UnreadablePart> unreadable() {
        return unreadable;
    }

    /** {@code Name/Type} of each service that an anonymous listing leaves out. */
    public List<String> visibleOnlyWithToken() {
        return visibleOnlyWithToken;
    }

    /** The unreadable part that covers this address, if any. */
    public Optional<UnreadablePart> unreadablePartOf(String linkage) {
        return unreadable.stream().filter(part -> part.covers(linkage)).findFirst();
    }

    /** Collects a walk into a snapshot, turning each service into its desired registration as it arrives. */
    static final class Collector implements WalkVisitor {
        private final RegistrationDesign design;
        private final List<DesiredRegistration> desired = new ArrayList<>();
        private final List<UnreadablePart> unreadable = new ArrayList<>();
        private final List<String> tokenOnly = new ArrayList<>();

        Collector(RegistrationDesign design) {
            this.design = design;
        }

        @Override
        public void service(SourceService service) {
            desired.add(design.desired(service));
        }

        @Override
        public void unreadable(UnreadablePart part) {
            unreadable.add(part);
        }

        @Override
        public void visibleOnlyWithToken(String service) {
            tokenOnly.add(service);
        }

        SourceSnapshot snapshot() {
            return new SourceSnapshot(desired, unreadable, tokenOnly);
        }
    }
}
