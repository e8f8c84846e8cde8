package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Json;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a GPFeatureRecordSetLayer input: an inline featureSet, or {@code {"itemID":..}} naming an uploaded JSON
 * file. A {@code {"url":..}} input cannot be fetched by the emulator and counts as a dataset that does not exist.
 */
final class FeatureInput {

    private FeatureInput() {
    }

    static Optional<JsonNode> resolve(GpRun run, String param) {
        Optional<JsonNode> value = run.input(param);
        if (value.isEmpty() || value.get().has("url")) {
            return Optional.empty();
        }
        if (value.get().has("itemID")) {
            return run.uploads().find(run.serviceName(), value.get().get("itemID").asText())
                    .map(item -> Json.parseOrNull(new String(item.content(), StandardCharsets.UTF_8)))
                    .filter(JsonNode::isObject);
        }
        return value.filter(JsonNode::isObject);
    }

    /** The message a tool gives for an input dataset it cannot open. */
    static String notFound(GpRun run, String param) {
        JsonNode value = run.input(param).orElse(Json.object());
        String name = value.has("itemID") ? value.get("itemID").asText() : value.path("url").asText(value.toString());
        return "ERROR 000732: " + param.replace('_', ' ') + ": Dataset " + name + " does not exist or is not supported";
    }
}
