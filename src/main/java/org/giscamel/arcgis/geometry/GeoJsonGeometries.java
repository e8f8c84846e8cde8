package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts one GeoJSON geometry to its Esri form. Polygon rings are re-oriented whatever the file has (RFC 7946
 * asks for the opposite of Esri, and many files follow neither), and the parts of a MultiPolygon become one
 * {@code rings} list, as Esri polygons carry all parts and holes together. Positions keep x, y and z; a fourth
 * value has no meaning in RFC 7946 and is dropped.
 */
final class GeoJsonGeometries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String where;
    private boolean hasZ;

    private GeoJsonGeometries(String where) {
        this.where = where;
    }

    /** @param where names the geometry in messages, e.g. "feature 3" */
    static EsriShape convert(JsonNode geometry, String where) {
        return new GeoJsonGeometries(where).shape(geometry);
    }

    private EsriShape shape(JsonNode geometry) {
        if (!geometry.isObject()) {
            throw fail("geometry must be an object");
        }
        String type = geometry.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            throw fail("GeometryCollection has no Esri equivalent; split it into features of one geometry type");
        }
        JsonNode coordinates = geometry.path("coordinates");
        ObjectNode esri = NODES.objectNode();
        EsriGeometryType esriType = switch (type) {
            case "Point" -> point(coordinates, esri);
            case "MultiPoint" -> {
                esri.set("points", positions(coordinates, 1, "MultiPoint"));
                yield EsriGeometryType.MULTIPOINT;
            }
            case "LineString" -> {
                esri.putArray("paths").add(positions(coordinates, 2, "LineString"));
                yield EsriGeometryType.POLYLINE;
            }
            case "MultiLineString" -> {
                ArrayNode paths = esri.putArray("paths");
                parts(coordinates, "MultiLineString").forEach(line -> paths.add(positions(line, 2, "line")));
                yield EsriGeometryType.POLYLINE;
            }
            case "Polygon" -> {
                polygon(coordinates, esri.putArray("rings"));
                yield EsriGeometryType.POLYGON;
            }
            case "MultiPolygon" -> {
                ArrayNode rings = esri.putArray("rings");
                parts(coordinates, "MultiPolygon").forEach(polygon -> polygon(polygon, rings));
                yield EsriGeometryType.POLYGON;
            }
            default -> throw fail(type.isEmpty() ? "geometry has no 'type'" : "unknown geometry type '" + type + "'");
        };
        return new EsriShape(esriType, esri, hasZ);
    }

    private EsriGeometryType point(JsonNode coordinates, ObjectNode esri) {
        double[] p = position(coordinates);
        esri.put("x", p[0]).put("y", p[1]);
        if (p.length > 2) {
            esri.put("z", p[2]);
        }
        return EsriGeometryType.POINT;
    }

    /** The first ring is the exterior (clockwise for Esri), the others are holes (counter-clockwise). */
    private void polygon(JsonNode coordinates, ArrayNode rings) {
        List<JsonNode> parts = parts(coordinates, "Polygon");
        for (int i = 0; i < parts.size(); i++) {
            List<double[]> ring = Rings.closed(positionList(parts.get(i), 3, "ring"));
            if (ring.size() < 4) {
                throw fail("a polygon ring needs at least 3 distinct positions");
            }
            rings.add(Positions.toJson(Rings.oriented(ring, i == 0)));
        }
    }

    private List<JsonNode> parts(JsonNode coordinates, String what) {
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            throw fail(what + " has no coordinates");
        }
        List<JsonNode> parts = new ArrayList<>();
        coordinates.forEach(parts::add);
        return parts;
    }

    private ArrayNode positions(JsonNode coordinates, int minimum, String what) {
        return Positions.toJson(positionList(coordinates, minimum, what));
    }

    private List<double[]> positionList(JsonNode coordinates, int minimum, String what) {
        if (!coordinates.isArray() || coordinates.size() < minimum) {
            throw fail(what + " needs at least " + minimum + (minimum == 1 ? " position" : " positions"));
        }
        List<double[]> list = new ArrayList<>();
        coordinates.forEach(c -> list.add(position(c)));
        return list;
    }

    private double[] position(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw fail("a position must be an array of at least two numbers, found " + abbreviate(position));
        }
        if (position.size() > 2 && position.get(2).isNumber()) {
            hasZ = true;
            return new double[]{position.get(0).asDouble(), position.get(1).asDouble(), position.get(2).asDouble()};
        }
        return new double[]{position.get(0).asDouble(), position.get(1).asDouble()};
    }

    private GeometryFormatException fail(String reason) {
        return new GeometryFormatException(where + ": " + reason);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
