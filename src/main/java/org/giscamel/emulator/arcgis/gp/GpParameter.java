package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;

/** One task parameter as the task resource describes it (§5.2). */
public record GpParameter(String name, String dataType, String displayName, String description, boolean input,
                          String parameterType, JsonNode defaultValue, JsonNode filter) {

    public static final String REQUIRED = "esriGPParameterTypeRequired";
    public static final String DERIVED = "esriGPParameterTypeDerived";

    public static GpParameter input(String name, String dataType, String description, String parameterType,
                                    JsonNode defaultValue, JsonNode filter) {
        return new GpParameter(name, dataType, name.replace('_', ' '), description, true, parameterType,
                defaultValue, filter);
    }

    public static GpParameter output(String name, String dataType, String description, JsonNode defaultValue) {
        return new GpParameter(name, dataType, name.replace('_', ' '), description, false, DERIVED, defaultValue, null);
    }

    public boolean required() {
        return REQUIRED.equals(parameterType);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object()
                .put("name", name)
                .put("dataType", dataType)
                .put("displayName", displayName)
                .put("description", description)
                .put("direction", input ? "esriGPParameterDirectionInput" : "esriGPParameterDirectionOutput");
        if (filter != null) {
            node.set("filter", filter);
        }
        node.set("defaultValue", defaultValue == null ? NullNode.getInstance() : defaultValue);
        node.put("parameterType", parameterType).put("category", "");
        return node;
    }
}
