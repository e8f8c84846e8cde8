package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.SpatialRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Buffers points as the Buffer tool does: one polygon per input feature (a multipoint gives one ring per point),
 * keeping the input attributes and adding BUFF_DIST, ORIG_FID, Shape_Length and Shape_Area. Geographic inputs are
 * buffered geodesically (ellipses in degrees); projected ones are planar in metres.
 */
final class PointBuffers {

    static final int VERTICES = 64;

    /** The buffered features; {@code featureSet} is already cut at the record limit. */
    record Result(ObjectNode featureSet, Extent extent, int count, JsonNode spatialReference) {
    }

    private PointBuffers() {
    }

    static Result buffer(JsonNode input, JsonNode defaultSpatialReference, LinearUnit distance, int maximumRecords) {
        JsonNode sr = input.hasNonNull("spatialReference") ? input.get("spatialReference") : defaultSpatialReference;
        boolean geographic = isGeographic(sr);
        Map<String, String> fields = attributeFields(input);
        ObjectNode out = Json.object().put("displayFieldName", "").put("geometryType", "esriGeometryPolygon");
        out.set("spatialReference", sr.deepCopy());
        ArrayNode outFields = out.putArray("fields");
        field(outFields, "OBJECTID", "esriFieldTypeOID");
        fields.forEach((name, type) -> field(outFields, name, type));
        field(outFields, "BUFF_DIST", "esriFieldTypeDouble");
        field(outFields, "ORIG_FID", "esriFieldTypeInteger");
        field(outFields, "Shape_Length", "esriFieldTypeDouble");
        field(outFields, "Shape_Area", "esriFieldTypeDouble");
        ArrayNode features = out.putArray("features");
        Extent extent = null;
        int count = 0;
        int index = 0;
        for (JsonNode feature : input.path("features")) {
            index++;
            List<double[][]> rings = rings(feature.path("geometry"), distance, geographic);
            if (rings.isEmpty()) {
                continue;
            }
            count++;
            for (double[][] ring : rings) {
                Extent e = envelope(ring);
                extent = extent == null ? e : extent.union(e);
            }
            if (features.size() < maximumRecords) {
                features.add(feature(count, index, feature.path("attributes"), fields, distance, rings));
            }
        }
        out.put("exceededTransferLimit", count > features.size());
        return new Result(out, extent == null ? Extent.WORLD : extent, count, sr);
    }

    /** The extent in degrees, as the GeoTIFF's EPSG:4326 keys need; the world for unknown projections. */
    static Extent geographicExtent(Extent extent, JsonNode sr) {
        SpatialRef from = SpatialRef.fromJson(sr);
        return from.isGeographic() || from.isWebMercator() ? from.to(SpatialRef.WGS84).apply(extent) : Extent.WORLD;
    }

    static boolean isGeographic(JsonNode sr) {
        return SpatialRef.fromJson(sr).isGeographic();
    }

    /** Input attribute fields to keep: declared ones, or those seen in the features when the schema is omitted. */
    private static Map<String, String> attributeFields(JsonNode input) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (input.path("fields").isArray() && !input.path("fields").isEmpty()) {
            for (JsonNode f : input.get("fields")) {
                String name = f.path("name").asText();
                if (keep(name, f.path("type").asText())) {
                    fields.put(name, f.path("type").asText("esriFieldTypeString"));
                }
            }
            return fields;
        }
        for (JsonNode feature : input.path("features")) {
            for (Map.Entry<String, JsonNode> e : feature.path("attributes").properties()) {
                if (keep(e.getKey(), "") && !fields.containsKey(e.getKey())) {
                    fields.put(e.getKey(), e.getValue().isIntegralNumber() ? "esriFieldTypeInteger"
                            : e.getValue().isNumber() ? "esriFieldTypeDouble" : "esriFieldTypeString");
                }
            }
        }
        return fields;
    }

    private static boolean keep(String name, String type) {
        String n = name.toUpperCase(Locale.ROOT);
        return !type.equals("esriFieldTypeOID") && !type.equals("esriFieldTypeGeometry") && !n.equals("OBJECTID")
                && !n.equals("FID") && !n.startsWith("SHAPE");
    }

    private static void field(ArrayNode fields, String name, String type) {
        fields.addObject().put("name", name).put("type", type).put("alias", name);
    }

    private static ObjectNode feature(int objectId, int inputIndex, JsonNode attributes, Map<String, String> fields,
                                      LinearUnit distance, List<double[][]> rings) {
        ObjectNode feature = Json.object();
        ObjectNode attrs = feature.putObject("attributes").put("OBJECTID", objectId);
        fields.keySet().forEach(name -> attrs.set(name, attributes.path(name).isMissingNode()
                ? NullNode.getInstance() : attributes.get(name).deepCopy()));
        attrs.put("BUFF_DIST", distance.distance());
        attrs.put("ORIG_FID", originalFid(attributes, inputIndex));
        double length = 0;
        double area = 0;
        ObjectNode geometry = Json.object();
        ArrayNode ringsNode = geometry.putArray("rings");
        for (double[][] ring : rings) {
            ArrayNode r = ringsNode.addArray();
            for (double[] p : ring) {
                r.addArray().add(p[0]).add(p[1]);
            }
            length += perimeter(ring);
            area += Math.abs(signedArea(ring));
        }
        attrs.put("Shape_Length", length).put("Shape_Area", area);
        feature.set("geometry", geometry);
        return feature;
    }

    private static int originalFid(JsonNode attributes, int inputIndex) {
        for (String oid : List.of("OBJECTID", "FID", "ObjectID", "objectid")) {
            if (attributes.path(oid).canConvertToInt()) {
                return attributes.get(oid).asInt();
            }
        }
        return inputIndex;
    }

    private static List<double[][]> rings(JsonNode geometry, LinearUnit distance, boolean geographic) {
        List<double[][]> rings = new ArrayList<>();
        if (geometry.path("x").isNumber() && geometry.path("y").isNumber()) {
            rings.add(circle(geometry.get("x").asDouble(), geometry.get("y").asDouble(), distance, geographic));
        }
        for (JsonNode p : geometry.path("points")) {
            rings.add(circle(p.path(0).asDouble(), p.path(1).asDouble(), distance, geographic));
        }
        return rings;
    }

    /** A closed ring, clockwise as Esri's exterior rings are. */
    private static double[][] circle(double x, double y, LinearUnit distance, boolean geographic) {
        double ry = geographic ? distance.metres() / LinearUnit.metresPerDegree() : distance.metres();
        double rx = geographic ? ry / Math.max(0.01, Math.cos(Math.toRadians(y))) : ry;
        double[][] ring = new double[VERTICES + 1][];
        for (int i = 0; i < VERTICES; i++) {
            double angle = -2 * Math.PI * i / VERTICES;
            ring[i] = new double[]{x + rx * Math.cos(angle), y + ry * Math.sin(angle)};
        }
        ring[VERTICES] = ring[0];
        return ring;
    }

    static double signedArea(double[][] ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.length; i++) {
            sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        }
        return sum / 2;
    }

    private static double perimeter(double[][] ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.length; i++) {
            sum += Math.hypot(ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1]);
        }
        return sum;
    }

    private static Extent envelope(double[][] ring) {
        double xmin = Double.MAX_VALUE, ymin = Double.MAX_VALUE, xmax = -Double.MAX_VALUE, ymax = -Double.MAX_VALUE;
        for (double[] p : ring) {
            xmin = Math.min(xmin, p[0]);
            ymin = Math.min(ymin, p[1]);
            xmax = Math.max(xmax, p[0]);
            ymax = Math.max(ymax, p[1]);
        }
        return new Extent(xmin, ymin, xmax, ymax);
    }
}
