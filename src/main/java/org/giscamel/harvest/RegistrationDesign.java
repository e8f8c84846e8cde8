package org.giscamel.harvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.arcgis.ServiceSummary;
import org.giscamel.iportal.RegistrationBodies;
import org.giscamel.iportal.ServiceMetadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a source's services are registered in iPortal: type {@code ARCGIS_REST}, the source's tags and sharing, and
 * metadata from the service's own description.
 *
 * <p>A services listing shows each registration's tags but not its metadata (iportal-rest.md §3.1), so every
 * registration also carries a fingerprint tag {@code <marker>-fp-<hash>} of what was registered. A changed
 * service, sharing or tag list changes the fingerprint, and a plain listing is enough to tell what needs an update:
 * a run with nothing changed reads no registration one by one and writes nothing.
 */
final class RegistrationDesign {

    private final HarvestSource source;

    RegistrationDesign(HarvestSource source) {
        this.source = source;
    }

    DesiredRegistration desired(ServiceSummary service) {
        List<String> tags = new ArrayList<>(baseTags());
        tags.add(fingerprintTag(service));
        return new DesiredRegistration(service, List.copyOf(tags));
    }

    ObjectNode createBody(DesiredRegistration desired) {
        return RegistrationBodies.create(RegistrationBodies.ARCGIS_REST, desired.tags(), source.sharing(),
                metadata(desired.service()), desired.service().mapNames());
    }

    ObjectNode updateBody(DesiredRegistration desired) {
        return RegistrationBodies.update(desired.tags(), source.sharing(), metadata(desired.service()));
    }

    private Set<String> baseTags() {
        Set<String> tags = new LinkedHashSet<>(source.tags());
        tags.add(source.marker());
        return tags;
    }

    private String fingerprintTag(ServiceSummary service) {
        String content = RegistrationBodies.create(RegistrationBodies.ARCGIS_REST, List.copyOf(baseTags()),
                source.sharing(), metadata(service), service.mapNames()).toString();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return source.marker() + "-fp-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Title with the type, so a map service and its feature service are told apart in the portal. */
    private static ServiceMetadata metadata(ServiceSummary service) {
        List<String> keywords = new ArrayList<>();
        keywords.add(service.ref().type());
        keywords.addAll(service.capabilities());
        keywords.addAll(service.mapNames());
        return new ServiceMetadata(service.title() + " (" + service.ref().type() + ")", service.url(),
                service.description(), service.copyright(), List.copyOf(new LinkedHashSet<>(keywords)), service.wkid(),
                service.box().map(b -> new ServiceMetadata.Box(b.west(), b.east(), b.south(), b.north())));
    }
}
