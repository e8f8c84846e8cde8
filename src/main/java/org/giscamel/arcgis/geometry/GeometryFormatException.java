package org.giscamel.arcgis.geometry;

/** A GeoJSON or Esri JSON document that cannot be converted; the message says where and why. */
public final class GeometryFormatException extends IllegalArgumentException {

    public GeometryFormatException(String message) {
        super(message);
    }
}
