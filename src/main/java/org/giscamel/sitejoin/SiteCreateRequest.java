package org.giscamel.sitejoin;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What to create a site on: the machine (by default the site of {@code gis.arcgis.url}), the file-system folder of
 * the configuration store and the root folder of the server directories (by default
 * {@code gis.site-create.config-store} and {@code gis.site-create.directories-root}). Both folders are paths as the
 * machine sees them. The request file reads
 * {@code {"machine":"http://node1:6080/arcgis","configStore":"/gisdata/config-store","directoriesRoot":"/gisdata/directories"}}.
 */
public record SiteCreateRequest(Optional<URI> machine, Optional<String> configStore, Optional<String> directoriesRoot) {

    private static final List<String> FIELDS = List.of("machine", "configStore", "directoriesRoot");

    /** The configured machine and folders. */
    public static SiteCreateRequest configured() {
        return new SiteCreateRequest(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Parses and checks a request file; nothing is sent anywhere. */
    public static SiteCreateRequest parse(String text) {
        RequestJson json = RequestJson.parse(text, FIELDS, "{\"machine\":\"http://node1.example.com:6080/arcgis\","
                + "\"configStore\":\"/gisdata/config-store\",\"directoriesRoot\":\"/gisdata/directories\"}");
        return new SiteCreateRequest(
                json.text("machine", "the site root of the machine to create the site on").map(SiteJoinRequest::machineUrl),
                json.text("configStore", "the configuration store's folder").map(f -> folder("configStore", f)),
                json.text("directoriesRoot", "the server directories' root folder").map(f -> folder("directoriesRoot", f)));
    }

    /** A folder path as the machine sees it, e.g. {@code /gisdata/config-store} or {@code \\share\config-store}. */
    public static String folder(String what, String text) {
        String folder = text.trim();
        if (folder.isEmpty()) {
            throw new InvalidSiteJoinRequestException(what + " must be a folder path, as the machine sees it");
        }
        return folder;
    }
}
