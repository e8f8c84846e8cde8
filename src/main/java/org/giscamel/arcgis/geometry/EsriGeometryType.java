package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** The {@code geometryType} values of an Esri FeatureSet, and how to recognise each geometry's JSON form. */
public enum EsriGeometryType {
    POINT("esriGeometryPoint"),
    MULTIPOINT("esriGeometryMultipoint"),
    POLYLINE("esriGeometryPolyline"),
    POLYGON("esriGeometryPolygon");

    private final String wireName;

    EsriGeometryType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EsriGeometryType> fromWireName(String wireName) {
        for (EsriGeometryType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The type an Esri geometry object has by its members ({@code x}, {@code points}, {@code paths},
     * {@code rings}, and the true-curve variants); empty for anything else, such as a GeoJSON geometry.
     */
    public static Optional<EsriGeometryType> ofGeometry(JsonNode geometry) {
        if (geometry == null || !geometry.isObject()) {
            return Optional.empty();
        }
        if (geometry.has("x") && geometry.has("y")) {
            return Optional.of(POINT);
        }
        if (geometry.has("points")) {
            return Optional.of(MULTIPOINT);
        }
        if (geometry.has("paths") || geometry.has("curvePaths")) {
            return Optional.of(POLYLINE);
        }
        if (geometry.has("rings") || geometry.has("curveRings")) {
            return Optional.of(POLYGON);
        }
        return Optional.empty();
    }
}
