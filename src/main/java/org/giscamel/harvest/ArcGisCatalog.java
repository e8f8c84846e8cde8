package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.http.Credentials;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The services directory of an ArcGIS Server site.
 *
 * @param root        the site, as in {@code https://gis.example.com/arcgis}
 * @param credentials used only for folders that need a services token
 * @param filter      which services are taken, and which folders are read at all
 */
public record ArcGisCatalog(URI root, Optional<Credentials> credentials, ServiceFilter filter) implements SourceCatalog {

    public static final String KIND = "arcgis";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> urls() {
        return List.of(root.toString());
    }
}
