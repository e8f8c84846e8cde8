package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.http.Credentials;
import org.giscamel.iportal.Sharing;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One ArcGIS Server site harvested into the portal, and how its services are registered there.
 *
 * @param id                 names the source in its route ({@code direct:harvest-<id>}), its keys and its reports
 * @param arcgisRoot         the site, as in {@code https://gis.example.com/arcgis}
 * @param arcgisCredentials  used only for folders that need a services token
 * @param marker             the tag that marks a registration as this source's; nothing without it is touched
 * @param tags               the tags every registration gets besides the marker
 */
public record HarvestSource(String id, URI arcgisRoot, Optional<Credentials> arcgisCredentials, String marker,
                            ServiceFilter filter, List<String> tags, Sharing sharing) {
}
