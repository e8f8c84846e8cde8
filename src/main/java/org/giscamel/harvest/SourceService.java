package org.giscamel.harvest;

import org.giscamel.iportal.ServiceMetadata;

import java.util.List;

/**
 * One service of a source as the portal registers it, whatever kind of source it came from: each source's walk
 * maps what it read onto this, and everything after the walk (plan, fingerprint, bodies, report) sees only this.
 *
 * @param linkage    the address registered for the service; a registration and a service match by it
 * @param label      how reports and the command show the service
 * @param portalType the iPortal registration {@code type} ({@code ARCGIS_REST}, {@code WMS}, ...)
 * @param mapNames   {@code addedMapNames}; {@link org.giscamel.iportal.RegistrationBodies} sends them only where
 *                   iPortal takes them
 */
public record SourceService(String linkage, String label, String portalType, ServiceMetadata metadata,
                            List<String> mapNames) {

    public SourceService {
        mapNames = List.copyOf(mapNames);
    }
}
