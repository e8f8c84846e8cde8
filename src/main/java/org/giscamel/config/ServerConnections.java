package org.giscamel.config;

import org.giscamel.http.Credentials;

import java.util.Optional;

/** The ArcGIS Server site and the iPortal this instance works with, read and checked from {@code gis.*}. */
public record ServerConnections(Optional<ServerConnection> arcgis, Optional<ServerConnection> iportal) {

    public static ServerConnections from(GisSettings settings) {
        return new ServerConnections(connection(settings, "gis.arcgis", "for ArcGIS Server"),
                connection(settings, "gis.iportal", "for iPortal"));
    }

    private static Optional<ServerConnection> connection(GisSettings settings, String prefix, String what) {
        return settings.httpUrl(prefix + ".url").map(url -> new ServerConnection(url, new Credentials(
                settings.required(prefix + ".username", what + " because " + prefix + ".url is set"),
                settings.requiredSecret(prefix + ".password", what + " because " + prefix + ".url is set"))));
    }

    public boolean none() {
        return arcgis.isEmpty() && iportal.isEmpty();
    }
}
