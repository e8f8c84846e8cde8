package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Esri {@code fields} for a set of GeoJSON {@code properties}, inferred from the values since GeoJSON has no
 * schema, and each feature's {@code attributes} converted to them. Every feature set gets an object-id field:
 * an {@code OBJECTID} property that already holds unique integers (a set this project exported) is kept as it,
 * otherwise one is added and numbered from 1.
 */
final class AttributeFields {

    static final String OID_NAME = "OBJECTID";
    /** ArcGIS' own default width for a text field; longer values get a wider field so nothing is cut. */
    private static final int DEFAULT_TEXT_LENGTH = 255;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<JsonNode> properties;
    private final Map<String, FieldType> types;
    private final String oidName;
    private final boolean oidFromProperties;

    private AttributeFields(List<JsonNode> properties, Map<String, FieldType> types, String oidName,
                            boolean oidFromProperties) {
        this.properties = properties;
        this.types = types;
        this.oidName = oidName;
        this.oidFromProperties = oidFromProperties;
    }

    /** @param properties each feature's properties, an empty object where it has none */
    static AttributeFields infer(List<JsonNode> properties) {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (JsonNode p : properties) {
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                types.merge(e.getKey(), FieldType.of(e.getValue()), FieldType::widen);
            }
        }
        types.replaceAll((name, type) -> type == FieldType.NULL ? FieldType.STRING : type);
        String existing = types.keySet().stream().filter(OID_NAME::equalsIgnoreCase).findFirst().orElse(null);
        if (existing != null && holdsObjectIds(properties, existing)) {
            types.remove(existing);
            return new AttributeFields(properties, types, existing, true);
        }
        return new AttributeFields(properties, types, freeOidName(types.keySet()), false);
    }

    ArrayNode fields() {
        ArrayNode fields = NODES.arrayNode();
        fields.addObject().put("name", oidName).put("type", "esriFieldTypeOID").put("alias", oidName);
        types.forEach((name, type) -> {
            ObjectNode field = fields.addObject().put("name", name).put("type", type.esriName).put("alias", name);
            if (type == FieldType.STRING) {
                field.put("length", Math.max(DEFAULT_TEXT_LENGTH, longestText(name)));
            }
        });
        return fields;
    }

    /** @param index the feature's position, numbered from 0 */
    ObjectNode attributes(int index) {
        JsonNode values = properties.get(index);
        ObjectNode attributes = NODES.objectNode();
        if (oidFromProperties) {
            attributes.set(oidName, values.get(oidName));
        } else {
            attributes.put(oidName, index + 1);
        }
        types.forEach((name, type) -> attributes.set(name, type.convert(values.path(name))));
        return attributes;
    }

    private static boolean holdsObjectIds(List<JsonNode> properties, String name) {
        Set<Long> seen = new HashSet<>();
        for (JsonNode p : properties) {
            JsonNode value = p.path(name);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0 || !seen.add(value.asLong())) {
                return false;
            }
        }
        return true;
    }

    /** Esri field names are case-insensitive, so "objectid" taken by another kind of property blocks OBJECTID too. */
    private static String freeOidName(Set<String> taken) {
        String name = OID_NAME;
        for (int n = 1; contains(taken, name); n++) {
            name = OID_NAME + "_" + n;
        }
        return name;
    }

    private static boolean contains(Set<String> names, String wanted) {
        return names.stream().anyMatch(wanted::equalsIgnoreCase);
    }

    private int longestText(String name) {
        int longest = 0;
        for (JsonNode p : properties) {
            JsonNode value = FieldType.STRING.convert(p.path(name));
            longest = Math.max(longest, value.isNull() ? 0 : value.asText().length());
        }
        return longest;
    }

    /**
     * The field type that holds every value seen. Esri has no boolean type; as GDAL does, booleans become a
     * SmallInteger 1/0. Whole numbers beyond 32 bits become Double (exact to 2^53), since BigInteger fields need
     * 11.2+. Text, nested objects and mixed kinds become String; a property that is always null is String too.
     * NULL is only the starting point of inference and never a field's type.
     */
    private enum FieldType {
        NULL(null), BOOLEAN("esriFieldTypeSmallInteger"), INTEGER("esriFieldTypeInteger"),
        DOUBLE("esriFieldTypeDouble"), STRING("esriFieldTypeString");

        private final String esriName;

        FieldType(String esriName) {
            this.esriName = esriName;
        }

        static FieldType of(JsonNode value) {
            if (value.isNull()) {
                return NULL;
            }
            if (value.isBoolean()) {
                return BOOLEAN;
            }
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return INTEGER;
            }
            return value.isNumber() ? DOUBLE : STRING;
        }

        FieldType widen(FieldType other) {
            if (this == other || other == NULL) {
                return this;
            }
            if (this == NULL) {
                return other;
            }
            boolean numbers = (this == INTEGER || this == DOUBLE) && (other == INTEGER || other == DOUBLE);
            return numbers ? DOUBLE : STRING;
        }

        JsonNode convert(JsonNode value) {
            if (value.isMissingNode() || value.isNull()) {
                return NODES.nullNode();
            }
            return switch (this) {
                case BOOLEAN -> NODES.numberNode(value.asBoolean() ? 1 : 0);
                case INTEGER -> NODES.numberNode(value.asInt());
                case DOUBLE -> NODES.numberNode(value.asDouble());
                case NULL, STRING -> NODES.textNode(value.isValueNode() ? value.asText() : value.toString());
            };
        }
    }
}
