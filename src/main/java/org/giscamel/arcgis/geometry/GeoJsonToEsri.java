package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a GeoJSON FeatureCollection, Feature or bare geometry into an Esri JSON FeatureSet, the form a
 * GPFeatureRecordSetLayer input takes (arcgis-rest.md §5.3). An Esri FeatureSet holds one geometry type, so
 * Polygon and MultiPolygon both become esriGeometryPolygon (likewise lines), points beside multipoints become
 * multipoints, and any other mixture is an error. Features without a geometry are kept as attribute-only rows.
 */
public final class GeoJsonToEsri {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon", "GeometryCollection");

    private final int defaultWkid;

    /** @param defaultWkid the spatial reference of files without a {@code crs} member; RFC 7946 implies 4326 */
    public GeoJsonToEsri(int defaultWkid) {
        this.defaultWkid = defaultWkid;
    }

    /** @throws GeometryFormatException naming the feature and the reason when the document cannot be converted */
    public ObjectNode convert(JsonNode geoJson) {
        if (geoJson == null || !geoJson.isObject()) {
            throw new GeometryFormatException("GeoJSON must be a JSON object");
        }
        List<JsonNode> features = features(geoJson);
        List<JsonNode> properties = new ArrayList<>();
        List<EsriShape> shapes = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String where = "feature " + (i + 1);
            if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
                throw new GeometryFormatException(where + ": expected an object of type 'Feature'");
            }
            properties.add(properties(feature, where));
            JsonNode geometry = feature.path("geometry");
            shapes.add(geometry.isMissingNode() || geometry.isNull() ? null : GeoJsonGeometries.convert(geometry, where));
        }
        EsriGeometryType type = commonType(shapes);
        AttributeFields fields = AttributeFields.infer(properties);

        ObjectNode featureSet = NODES.objectNode().put("displayFieldName", "");
        if (type != null) {
            featureSet.put("geometryType", type.wireName());
        }
        if (shapes.stream().anyMatch(s -> s != null && s.hasZ())) {
            featureSet.put("hasZ", true);
        }
        featureSet.set("spatialReference",
                SpatialReferences.esri(SpatialReferences.wkidOfCrs(geoJson.get("crs")).orElse(defaultWkid)));
        featureSet.set("fields", fields.fields());
        ArrayNode out = featureSet.putArray("features");
        for (int i = 0; i < shapes.size(); i++) {
            ObjectNode feature = out.addObject();
            if (shapes.get(i) != null) {
                feature.set("geometry", asType(shapes.get(i), type));
            }
            feature.set("attributes", fields.attributes(i));
        }
        return featureSet;
    }

    /** A FeatureCollection's features, or the document itself as the one feature (a bare geometry is wrapped). */
    private static List<JsonNode> features(JsonNode geoJson) {
        String type = geoJson.path("type").asText("");
        List<JsonNode> features = new ArrayList<>();
        if (type.equals("FeatureCollection")) {
            if (!geoJson.path("features").isArray()) {
                throw new GeometryFormatException("FeatureCollection has no 'features' array");
            }
            geoJson.get("features").forEach(features::add);
        } else if (type.equals("Feature")) {
            features.add(geoJson);
        } else if (GEOMETRY_TYPES.contains(type)) {
            ObjectNode feature = NODES.objectNode().put("type", "Feature");
            feature.set("geometry", geoJson);
            features.add(feature);
        } else {
            throw new GeometryFormatException(type.isEmpty() ? "GeoJSON object has no 'type' member"
                    : "'" + type + "' is not a GeoJSON type");
        }
        return features;
    }

    private static JsonNode properties(JsonNode feature, String where) {
        JsonNode properties = feature.path("properties");
        if (properties.isMissingNode() || properties.isNull()) {
            return NODES.objectNode();
        }
        if (!properties.isObject()) {
            throw new GeometryFormatException(where + ": 'properties' must be an object or null");
        }
        return properties;
    }

    private static EsriGeometryType commonType(List<EsriShape> shapes) {
        Set<EsriGeometryType> types = shapes.stream().filter(s -> s != null).map(EsriShape::type)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (types.isEmpty()) {
            return null;
        }
        if (types.equals(Set.of(EsriGeometryType.POINT, EsriGeometryType.MULTIPOINT))) {
            return EsriGeometryType.MULTIPOINT;
        }
        if (types.size() > 1) {
            EsriGeometryType first = types.iterator().next();
            int index = 0;
            while (shapes.get(index) == null || shapes.get(index).type() == first) {
                index++;
            }
            throw new GeometryFormatException("mixed geometry types: " + types.stream().map(EsriGeometryType::wireName)
                    .collect(Collectors.joining(", ")) + " (feature " + (index + 1) + " is the first "
                    + shapes.get(index).type().wireName() + "); an Esri feature set holds one geometry type");
        }
        return types.iterator().next();
    }

    private static ObjectNode asType(EsriShape shape, EsriGeometryType type) {
        if (shape.type() == EsriGeometryType.POINT && type == EsriGeometryType.MULTIPOINT) {
            ObjectNode point = shape.geometry();
            ArrayNode position = NODES.arrayNode().add(point.get("x")).add(point.get("y"));
            if (point.has("z")) {
                position.add(point.get("z"));
            }
            ObjectNode multipoint = NODES.objectNode();
            multipoint.putArray("points").add(position);
            return multipoint;
        }
        return shape.geometry();
    }
}
