package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/** What a tool sees of its job: the inputs (defaults applied), the settings and the service's uploads. */
public record GpRun(String jobId, boolean sync, Map<String, JsonNode> inputs, GpSettings settings, GpUploads uploads,
                    String serviceName) {

    public Optional<JsonNode> input(String name) {
        return Optional.ofNullable(inputs.get(name)).filter(v -> !v.isNull());
    }

    /** Synchronous outputs go to arcgisoutput with the {@code _ags_} prefix; async ones to the job's scratch. */
    public String outputFileName(String baseName) {
        return sync ? SYNC_PREFIX + jobId + "_" + baseName : baseName;
    }

    static final String SYNC_PREFIX = "_ags_";
}
