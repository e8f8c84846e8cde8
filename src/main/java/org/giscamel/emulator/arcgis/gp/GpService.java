package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A published GP service. {@code name} includes the folder ({@code Demo/BufferPoints}), as the services directory
 * lists it; {@code resultMapServerName} is empty when there is no result map service.
 */
public record GpService(String name, String description, boolean sync, String resultMapServerName, boolean uploads,
                        List<GpTask> tasks) {

    public Optional<GpTask> task(String taskName) {
        return tasks.stream().filter(t -> t.name().equals(taskName)).findFirst();
    }

    public boolean hasResultMapService() {
        return !resultMapServerName.isEmpty();
    }

    /** The result map service's full name; it sits beside the GP service, in the same folder. */
    public String resultMapServiceName() {
        int slash = name.lastIndexOf('/');
        return (slash < 0 ? "" : name.substring(0, slash + 1)) + resultMapServerName;
    }

    public String shortName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    public String executionType() {
        return sync ? "esriExecutionTypeSynchronous" : "esriExecutionTypeAsynchronous";
    }

    /** {@code demo/bufferpoints_gpserver}: the arcgisjobs folder is lower case on real servers. */
    public String jobsDirectory() {
        return name.toLowerCase(Locale.ROOT) + "_gpserver";
    }

    /** {@code Demo/BufferPoints_GPServer}: the arcgisoutput folder keeps the service's case. */
    public String outputDirectory() {
        return name + "_GPServer";
    }

    ObjectNode toJson(BigDecimal currentVersion, int maximumRecords) {
        ObjectNode node = Json.object()
                .put("currentVersion", currentVersion)
                .put("cimVersion", "3.3.0")
                .put("serviceDescription", description);
        var list = node.putArray("tasks");
        tasks.forEach(t -> list.add(t.name()));
        node.put("executionType", executionType())
                .put("resultMapServerName", resultMapServerName)
                .put("maximumRecords", maximumRecords)
                .put("capabilities", uploads ? "Uploads" : "");
        return node;
    }
}
