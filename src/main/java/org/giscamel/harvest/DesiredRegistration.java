package org.giscamel.harvest;

import java.util.List;

/**
 * What the portal should hold for one source service: the service, and the tags it should carry (the configured
 * ones, the source's marker and a fingerprint of the registration's content).
 */
public record DesiredRegistration(SourceService service, List<String> tags) {

    public String linkage() {
        return service.linkage();
    }

    /** As reports show the service, e.g. {@code Folder/Name/Type}. */
    public String label() {
        return service.label();
    }
}
