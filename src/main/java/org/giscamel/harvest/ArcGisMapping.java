package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceSummary;
import org.giscamel.iportal.RegistrationBodies;
import org.giscamel.iportal.ServiceMetadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** How an ArcGIS service is registered: type {@code ARCGIS_REST} and metadata from the service's own description. */
public final class ArcGisMapping {

    private ArcGisMapping() {
    }

    /** Title with the type, so a map service and its feature service are told apart in the portal. */
    public static SourceService service(ServiceSummary service) {
        List<String> keywords = new ArrayList<>();
        keywords.add(service.ref().type());
        keywords.addAll(service.capabilities());
        keywords.addAll(service.mapNames());
        ServiceMetadata metadata = new ServiceMetadata(service.title() + " (" + service.ref().type() + ")",
                service.url(), service.description(), service.copyright(), List.copyOf(new LinkedHashSet<>(keywords)),
                service.wkid(), service.box().map(ServiceMetadata.Box::of));
        return new SourceService(service.url(), service.ref().name() + "/" + service.ref().type(),
                RegistrationBodies.ARCGIS_REST, metadata, service.mapNames());
    }
}
