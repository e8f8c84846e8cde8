package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;

import java.util.List;
import java.util.Optional;

/** A task of a GP service: its parameters and the tool that computes its outputs. */
public record GpTask(String name, String displayName, String description, List<GpParameter> parameters, GpTool tool) {

    public Optional<GpParameter> parameter(String paramName, boolean input) {
        return parameters.stream().filter(p -> p.input() == input && p.name().equals(paramName)).findFirst();
    }

    public List<GpParameter> inputs() {
        return parameters.stream().filter(GpParameter::input).toList();
    }

    public List<GpParameter> outputs() {
        return parameters.stream().filter(p -> !p.input()).toList();
    }

    ObjectNode toJson(GpService service, String siteUrl) {
        ObjectNode node = Json.object()
                .put("name", name)
                .put("displayName", displayName)
                .put("description", description)
                .put("category", "")
                .put("helpUrl", siteUrl + "/rest/directories/arcgisoutput/" + service.outputDirectory() + "/"
                        + service.shortName() + "/" + name + ".htm")
                .put("executionType", service.executionType());
        ArrayNode params = node.putArray("parameters");
        parameters.forEach(p -> params.add(p.toJson()));
        return node;
    }
}
