package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceSummary;

import java.util.List;

/**
 * What the portal should hold for one source service: its address, and the tags it should carry (the configured
 * ones, the source's marker and a fingerprint of the registration's content). The registration bodies are built
 * from the summary only when they are sent.
 */
public record DesiredRegistration(ServiceSummary service, List<String> tags) {

    public String linkage() {
        return service.url();
    }

    /** {@code Folder/Name/Type}, as reports show a service. */
    public String label() {
        return service.ref().name() + "/" + service.ref().type();
    }
}
