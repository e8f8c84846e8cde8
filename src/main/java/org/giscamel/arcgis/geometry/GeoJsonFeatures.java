package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.OptionalInt;

/**
 * A feature set converted to GeoJSON.
 *
 * @param exceededTransferLimit the server cut the set at its maximum record count; the caller should warn
 * @param wkid                  the set's spatial reference, empty when it named none (or only WKT); anything but
 *                              4326 is also written as a {@code crs} member, since the coordinates are not WGS 84
 */
public record GeoJsonFeatures(ObjectNode featureCollection, int featureCount, boolean exceededTransferLimit,
                              OptionalInt wkid) {
}
