package org.giscamel.gp.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.arcgis.geometry.EsriFeatureSets;
import org.giscamel.arcgis.geometry.EsriGeometryType;
import org.giscamel.arcgis.geometry.GeoJsonToEsri;
import org.giscamel.arcgis.geometry.GeometryFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.giscamel.gp.input.GpInputException.Reason.FILE_TOO_LARGE;
import static org.giscamel.gp.input.GpInputException.Reason.INVALID_FEATURES;
import static org.giscamel.gp.input.GpInputException.Reason.NO_FEATURES;

/**
 * Reads a feature file into an Esri FeatureSet: a {@code .geojson} file is GeoJSON; a {@code .json} file is an
 * Esri FeatureSet when it looks like one (passed on unchanged) and GeoJSON otherwise.
 */
final class FeatureFiles {

    private final GpInputSettings settings;
    private final GeoJsonToEsri geoJson;

    FeatureFiles(GpInputSettings settings) {
        this.settings = settings;
        this.geoJson = new GeoJsonToEsri(settings.defaultWkid());
    }

    GpInput.Features read(Path file) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > settings.maxFeatureFileBytes()) {
            throw new GpInputException(FILE_TOO_LARGE, name + ": " + size + " bytes is more than the "
                    + settings.maxFeatureFileBytes() + " bytes allowed for a feature file; upload it as a data file "
                    + "(e.g. a zipped file geodatabase) instead");
        }
        JsonNode document = JsonDocuments.parse(name, Files.readAllBytes(file));
        boolean json = GpInputKind.extension(file).equals("json");
        boolean esri = json && EsriFeatureSets.looksLikeFeatureSet(document);
        if (json && !esri && !document.path("type").isTextual()) {
            throw new GpInputException(INVALID_FEATURES, name + ": neither GeoJSON (no 'type' member) nor an Esri "
                    + "JSON FeatureSet (no 'geometryType' and no Esri geometries in 'features')");
        }
        GpInput.Features features;
        try {
            features = esri ? esriFeatures(document) : geoJsonFeatures(document);
        } catch (GeometryFormatException e) {
            throw new GpInputException(INVALID_FEATURES, name + ": invalid " + (esri ? "Esri JSON" : "GeoJSON")
                    + ": " + e.getMessage());
        }
        if (features.featureCount() == 0) {
            throw new GpInputException(NO_FEATURES, name + ": the file holds no features");
        }
        return features;
    }

    private GpInput.Features esriFeatures(JsonNode document) {
        String type = EsriFeatureSets.geometryTypeOf(document).map(EsriGeometryType::wireName).orElse(null);
        return new GpInput.Features((ObjectNode) document, type, document.get("features").size(),
                GpInput.Source.ESRI_JSON);
    }

    private GpInput.Features geoJsonFeatures(JsonNode document) {
        ObjectNode featureSet = geoJson.convert(document);
        String type = featureSet.has("geometryType") ? featureSet.get("geometryType").asText() : null;
        return new GpInput.Features(featureSet, type, featureSet.get("features").size(), GpInput.Source.GEOJSON);
    }
}
