package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What the flow needs to know of a GP task, from its task and service metadata (arcgis-rest.md §5.2, §5.11,
 * §5.12): how it runs, its parameters, whether the service takes uploads and has a result map service.
 *
 * @param serviceUrl the GP service, {@code …/GPServer}
 */
public record GpTaskInfo(URI taskUrl, URI serviceUrl, boolean sync, boolean uploads, boolean resultMapService,
                         JsonNode task) {

    static final String GP_SERVER = "/GPServer";

    static GpTaskInfo of(URI taskUrl, JsonNode task, JsonNode service) {
        boolean uploads = false;
        for (String capability : service.path("capabilities").asText("").split(",")) {
            uploads |= capability.trim().equalsIgnoreCase("Uploads");
        }
        return new GpTaskInfo(taskUrl, serviceUrl(taskUrl),
                task.path("executionType").asText("").equals("esriExecutionTypeSynchronous"), uploads,
                !service.path("resultMapServerName").asText("").isBlank(), task);
    }

    /** {@code …/Folder/Service/GPServer} of {@code …/Folder/Service/GPServer/Task}. */
    static URI serviceUrl(URI taskUrl) {
        String text = taskUrl.toString();
        int at = text.toLowerCase(Locale.ROOT).lastIndexOf(GP_SERVER.toLowerCase(Locale.ROOT) + "/");
        if (at < 0) {
            throw new IllegalArgumentException("A GP task URL looks like …/rest/services/<service>/GPServer/<task>, not "
                    + taskUrl);
        }
        return URI.create(text.substring(0, at + GP_SERVER.length()));
    }

    /** The input or output parameter of this name. */
    public Optional<JsonNode> parameter(String name) {
        for (JsonNode p : task.path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The result map service beside the GP service, as every client derives it: GPServer becomes MapServer. */
    public URI mapServiceUrl() {
        String text = serviceUrl.toString();
        return URI.create(text.substring(0, text.length() - GP_SERVER.length()) + "/MapServer");
    }

    public URI uploadUrl() {
        return URI.create(serviceUrl + "/uploads/upload");
    }
}
