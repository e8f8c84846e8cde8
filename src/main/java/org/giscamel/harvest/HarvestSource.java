package org.giscamel.harvest;

import org.giscamel.iportal.Sharing;

import java.util.List;

/**
 * One source harvested into the portal, and how its services are registered there.
 *
 * @param id      names the source in its route ({@code direct:harvest-<id>}), its keys and its reports
 * @param catalog what kind of source it is and where its services are read from
 * @param marker  the tag that marks a registration as this source's; nothing without it is touched
 * @param tags    the tags every registration gets besides the marker
 */
public record HarvestSource(String id, SourceCatalog catalog, String marker, List<String> tags, Sharing sharing) {
}
