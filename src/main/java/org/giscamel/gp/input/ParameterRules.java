package org.giscamel.gp.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.giscamel.gp.input.GpInputException.Reason.WRONG_GEOMETRY_TYPE;
import static org.giscamel.gp.input.GpInputException.Reason.WRONG_PARAMETER_TYPE;

/**
 * What the task's input parameter (its entry in the task metadata, arcgis-rest.md §5.2) accepts: the data types
 * that take an inline feature set or an uploaded item, and the {@code featureClass} and {@code file} filters
 * (10.7+). Checking them here fails a wrong file before a job is submitted, rather than after the server rejects it.
 */
final class ParameterRules {

    private static final Set<String> FEATURE_TYPES = Set.of("GPFeatureRecordSetLayer", "GPRecordSet");
    /** The data types whose value may be {@code {"itemID":..}} (DOC:gp-data-types). */
    private static final Set<String> ITEM_TYPES = Set.of("GPFeatureRecordSetLayer", "GPRecordSet",
            "GPRasterDataLayer", "GPRasterData", "GPDataFile");

    private final String name;
    private final String dataType;
    private final JsonNode filter;

    /** @param parameter the parameter's metadata; null when the caller has none (then nothing is checked) */
    ParameterRules(JsonNode parameter) {
        JsonNode p = parameter == null ? MissingNode.getInstance() : parameter;
        this.name = p.path("name").asText("(unnamed)");
        this.dataType = p.path("dataType").asText("");
        this.filter = p.path("filter");
    }

    /** A GPDataFile parameter takes any file as a file, a JSON one included. */
    GpInputKind kindOf(Path file, GpInputSettings settings) {
        GpInputKind kind = GpInputKind.of(file, settings);
        GpInputKind wanted = kind == GpInputKind.FEATURES && dataType.equals("GPDataFile") ? GpInputKind.UPLOAD : kind;
        Set<String> accepted = wanted == GpInputKind.FEATURES ? FEATURE_TYPES : ITEM_TYPES;
        if (!dataType.isEmpty() && !accepted.contains(dataType)) {
            throw new GpInputException(WRONG_PARAMETER_TYPE, file.getFileName() + ": input parameter '" + name
                    + "' is a " + dataType + ", which does not take "
                    + (wanted == GpInputKind.FEATURES ? "features" : "an uploaded file"));
        }
        return wanted;
    }

    void checkFeatures(String fileName, GpInput.Features features) {
        List<String> allowed = filterList("featureClass");
        if (allowed.isEmpty() || allowed.contains(features.geometryType())) {
            return;
        }
        String found = features.geometryType() == null ? "no geometries" : "geometry type " + features.geometryType();
        throw new GpInputException(WRONG_GEOMETRY_TYPE, fileName + ": " + found + " is not accepted by input parameter '"
                + name + "'; allowed: " + String.join(", ", allowed));
    }

    void checkUpload(Path file) {
        List<String> allowed = filterList("file").stream()
                .map(e -> (e.startsWith(".") ? e.substring(1) : e).toLowerCase(Locale.ROOT)).toList();
        if (!allowed.isEmpty() && !allowed.contains(GpInputKind.extension(file))) {
            throw new GpInputException(WRONG_PARAMETER_TYPE, file.getFileName() + ": input parameter '" + name
                    + "' accepts only " + String.join(", ", allowed.stream().map(e -> "." + e).toList()) + " files");
        }
    }

    private List<String> filterList(String type) {
        List<String> list = new ArrayList<>();
        if (type.equals(filter.path("type").asText())) {
            filter.path("list").forEach(v -> list.add(v.asText()));
        }
        return list;
    }
}
