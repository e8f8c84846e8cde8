package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** Recognises and checks an Esri JSON FeatureSet that is to be passed to a server as it is. */
public final class EsriFeatureSets {

    private EsriFeatureSets() {
    }

    /**
     * Whether a document is in Esri form rather than GeoJSON: it declares a {@code geometryType}, or its
     * {@code features} carry Esri geometries ({@code x/y}, {@code points}, {@code paths}, {@code rings}) or, for a
     * table, bare {@code attributes}.
     */
    public static boolean looksLikeFeatureSet(JsonNode document) {
        if (document == null || !document.isObject()) {
            return false;
        }
        if (document.has("geometryType")) {
            return true;
        }
        for (JsonNode feature : document.path("features")) {
            if (EsriGeometryType.ofGeometry(feature.get("geometry")).isPresent()
                    || (feature.has("attributes") && !feature.has("type"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The set's geometry type: its {@code geometryType} member, or (as servers allow the schema to be left out)
     * that of its geometries; empty for a table. Every geometry must be of that type.
     *
     * @throws GeometryFormatException naming the first feature that does not fit
     */
    public static Optional<EsriGeometryType> geometryTypeOf(JsonNode featureSet) {
        if (featureSet == null || !featureSet.isObject() || !featureSet.path("features").isArray()) {
            throw new GeometryFormatException("an Esri feature set needs a 'features' array");
        }
        JsonNode declared = featureSet.get("geometryType");
        EsriGeometryType type = null;
        if (declared != null && !declared.isNull()) {
            type = EsriGeometryType.fromWireName(declared.asText()).orElseThrow(() -> new GeometryFormatException(
                    "unknown geometryType '" + declared.asText() + "'"));
        }
        int index = 0;
        for (JsonNode feature : featureSet.get("features")) {
            index++;
            if (!feature.isObject()) {
                throw new GeometryFormatException("feature " + index + ": expected an object");
            }
            JsonNode geometry = feature.get("geometry");
            if (geometry == null || geometry.isNull()) {
                continue;
            }
            int number = index;
            EsriGeometryType found = EsriGeometryType.ofGeometry(geometry).orElseThrow(() ->
                    new GeometryFormatException("feature " + number + ": geometry is not in Esri form "
                            + "(x/y, points, paths or rings)"));
            if (type == null) {
                type = found;
            } else if (found != type) {
                throw new GeometryFormatException("feature " + index + ": " + found.wireName()
                        + " in a feature set of " + type.wireName());
            }
        }
        return Optional.ofNullable(type);
    }
}
