package org.giscamel.harvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.iportal.RegistrationBodies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a source's services are registered in iPortal: the type and metadata its walk gave each service, and the
 * source's tags and sharing.
 *
 * <p>A services listing shows each registration's tags but not its metadata (iportal-rest.md §3.1), so every
 * registration also carries a fingerprint tag {@code <marker>-fp-<hash>} of what was registered. A changed
 * service, sharing or tag list changes the fingerprint, and a plain listing is enough to tell what needs an update:
 * a run with nothing changed reads no registration one by one and writes nothing.
 */
public final class RegistrationDesign {

    private final HarvestSource source;

    public RegistrationDesign(HarvestSource source) {
        this.source = source;
    }

    public DesiredRegistration desired(SourceService service) {
        List<String> tags = new ArrayList<>(baseTags());
        tags.add(fingerprintTag(service));
        return new DesiredRegistration(service, List.copyOf(tags));
    }

    public ObjectNode createBody(DesiredRegistration desired) {
        return createBody(desired.service(), desired.tags());
    }

    public ObjectNode updateBody(DesiredRegistration desired) {
        return RegistrationBodies.update(desired.tags(), source.sharing(), desired.service().metadata());
    }

    private ObjectNode createBody(SourceService service, List<String> tags) {
        return RegistrationBodies.create(service.portalType(), tags, source.sharing(), service.metadata(),
                service.mapNames());
    }

    private Set<String> baseTags() {
        Set<String> tags = new LinkedHashSet<>(source.tags());
        tags.add(source.marker());
        return tags;
    }

    private String fingerprintTag(SourceService service) {
        String content = createBody(service, List.copyOf(baseTags())).toString();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return source.marker() + "-fp-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
