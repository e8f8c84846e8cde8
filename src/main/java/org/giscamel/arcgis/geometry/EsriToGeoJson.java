package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns an Esri JSON FeatureSet (a GPFeatureRecordSetLayer or GPRecordSet result, arcgis-rest.md §5.8) into a
 * GeoJSON FeatureCollection. Coordinates are not reprojected: a set that is not in 4326 keeps its coordinates and
 * says so in a {@code crs} member. Like ArcGIS' own {@code f=geojson}, the object id becomes the feature
 * {@code id} and stays among the properties, and dates stay epoch milliseconds.
 */
public final class EsriToGeoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EsriToGeoJson() {
    }

    /** @throws GeometryFormatException when the value is not a feature set or holds a geometry GeoJSON cannot carry */
    public static GeoJsonFeatures convert(JsonNode featureSet) {
        if (featureSet == null || !featureSet.isObject() || !featureSet.path("features").isArray()) {
            String hint = featureSet != null && featureSet.has("url")
                    ? " (it is a link to " + featureSet.get("url").asText() + ", e.g. an output feature service)" : "";
            throw new GeometryFormatException("not an Esri feature set: no 'features' array" + hint);
        }
        // With hasM alone, the third value of a coordinate is m, not z.
        boolean thirdIsZ = featureSet.path("hasZ").asBoolean(false) || !featureSet.path("hasM").asBoolean(false);
        String oidField = oidField(featureSet);
        OptionalInt wkid = SpatialReferences.wkidOf(featureSet.get("spatialReference"));

        ObjectNode collection = NODES.objectNode().put("type", "FeatureCollection");
        if (wkid.isPresent() && wkid.getAsInt() != SpatialReferences.WGS84) {
            collection.set("crs", SpatialReferences.crsMember(wkid.getAsInt()));
        }
        ArrayNode features = collection.putArray("features");
        int index = 0;
        for (JsonNode feature : featureSet.get("features")) {
            index++;
            ObjectNode out = features.addObject().put("type", "Feature");
            JsonNode attributes = feature.path("attributes");
            if (oidField != null && attributes.path(oidField).isIntegralNumber()) {
                out.set("id", attributes.get(oidField));
            }
            out.set("geometry", geometry(feature.path("geometry"), thirdIsZ, "feature " + index));
            out.set("properties", attributes.isObject() ? attributes.deepCopy() : NODES.objectNode());
        }
        return new GeoJsonFeatures(collection, index, featureSet.path("exceededTransferLimit").asBoolean(false), wkid);
    }

    private static String oidField(JsonNode featureSet) {
        for (JsonNode field : featureSet.path("fields")) {
            if ("esriFieldTypeOID".equals(field.path("type").asText())) {
                return field.path("name").asText();
            }
        }
        JsonNode named = featureSet.path("objectIdFieldName");
        return named.isTextual() ? named.asText() : null;
    }

    private static JsonNode geometry(JsonNode geometry, boolean thirdIsZ, String where) {
        if (geometry.isMissingNode() || geometry.isNull()) {
            return NODES.nullNode();
        }
        if (geometry.has("curvePaths") || geometry.has("curveRings")) {
            throw new GeometryFormatException(where + ": true curves cannot be written as GeoJSON; "
                    + "request the result without returnTrueCurves");
        }
        EsriGeometryType type = EsriGeometryType.ofGeometry(geometry).orElseThrow(() ->
                new GeometryFormatException(where + ": unrecognised Esri geometry " + geometry));
        return switch (type) {
            case POINT -> point(geometry, thirdIsZ);
            case MULTIPOINT -> geometry.path("points").isEmpty() ? NODES.nullNode()
                    : shape("MultiPoint", positions(geometry.get("points"), thirdIsZ));
            case POLYLINE -> polyline(geometry.path("paths"), thirdIsZ);
            case POLYGON -> polygon(geometry.path("rings"), thirdIsZ);
        };
    }

    /** An empty Esri point has {@code "x": null} (or "NaN"). */
    private static JsonNode point(JsonNode geometry, boolean thirdIsZ) {
        if (!geometry.get("x").isNumber() || !geometry.get("y").isNumber()) {
            return NODES.nullNode();
        }
        ArrayNode position = NODES.arrayNode().add(geometry.get("x")).add(geometry.get("y"));
        if (geometry.path("z").isNumber() && thirdIsZ) {
            position.add(geometry.get("z"));
        }
        return shape("Point", position);
    }

    private static JsonNode polyline(JsonNode paths, boolean thirdIsZ) {
        if (paths.isEmpty()) {
            return NODES.nullNode();
        }
        if (paths.size() == 1) {
            return shape("LineString", positions(paths.get(0), thirdIsZ));
        }
        ArrayNode lines = NODES.arrayNode();
        paths.forEach(path -> lines.add(positions(path, thirdIsZ)));
        return shape("MultiLineString", lines);
    }

    private static JsonNode polygon(JsonNode rings, boolean thirdIsZ) {
        List<List<double[]>> parsed = new ArrayList<>();
        rings.forEach(ring -> parsed.add(Rings.closed(positionList(ring, thirdIsZ))));
        List<List<List<double[]>>> polygons = RingGroups.group(parsed);
        if (polygons.isEmpty()) {
            return NODES.nullNode();
        }
        if (polygons.size() == 1) {
            return shape("Polygon", polygonCoordinates(polygons.get(0)));
        }
        ArrayNode multi = NODES.arrayNode();
        polygons.forEach(polygon -> multi.add(polygonCoordinates(polygon)));
        return shape("MultiPolygon", multi);
    }

    /** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
    private static ArrayNode polygonCoordinates(List<List<double[]>> polygon) {
        ArrayNode rings = NODES.arrayNode();
        for (int i = 0; i < polygon.size(); i++) {
            rings.add(Positions.toJson(Rings.oriented(polygon.get(i), i > 0)));
        }
        return rings;
    }

    private static ObjectNode shape(String type, ArrayNode coordinates) {
        ObjectNode geometry = NODES.objectNode().put("type", type);
        geometry.set("coordinates", coordinates);
        return geometry;
    }

    private static ArrayNode positions(JsonNode positions, boolean thirdIsZ) {
        return Positions.toJson(positionList(positions, thirdIsZ));
    }

    private static List<double[]> positionList(JsonNode positions, boolean thirdIsZ) {
        List<double[]> list = new ArrayList<>();
        for (JsonNode p : positions) {
            boolean z = thirdIsZ && p.size() > 2 && p.get(2).isNumber();
            list.add(z ? new double[]{p.path(0).asDouble(), p.path(1).asDouble(), p.get(2).asDouble()}
                    : new double[]{p.path(0).asDouble(), p.path(1).asDouble()});
        }
        return list;
    }
}
