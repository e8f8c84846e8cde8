package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One named layer, feature type or coverage of a service.
 *
 * @param name  what a client puts in {@code LAYERS}, {@code TYPENAMES} or {@code COVERAGEID}
 * @param title the human title; the name when the server gives none
 * @param bbox  in WGS84 longitude/latitude degrees, when the capabilities state one
 * @param crs   the reference systems offered, as the server spells them ({@code EPSG:4326},
 *              {@code urn:ogc:def:crs:EPSG::4326}, ...)
 */
public record OgcLayer(String name, String title, Optional<LonLatBox> bbox, List<String> crs) {

    public OgcLayer {
        Objects.requireNonNull(name, "name");
        title = title == null || title.isBlank() ? name : title;
        Objects.requireNonNull(bbox, "bbox");
        crs = List.copyOf(crs);
    }
}
