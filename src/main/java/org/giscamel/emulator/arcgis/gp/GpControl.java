package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Control API for tests and demos (no token):
 * <ul>
 *   <li>{@code POST /__emulator/gp/outcomes?outcome=Failed&times=3} — the next 3 jobs fail
 *       (Succeeded, Failed, TimedOut, Cancelled); {@code DELETE} clears the script;</li>
 *   <li>{@code GET /__emulator/gp/jobs} — every job with its status, and counts per status;</li>
 *   <li>{@code GET|POST /__emulator/gp/settings?executingMillis=300&..} — reads or changes {@link GpSettings}.</li>
 * </ul>
 */
final class GpControl {

    static final String PREFIX = "/__emulator/gp";

    private final GpJobs jobs;
    private final GpSettings settings;

    GpControl(GpJobs jobs, GpSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    void register(Router router) {
        router.post(PREFIX + "/outcomes", this::script);
        router.delete(PREFIX + "/outcomes", r -> {
            jobs.clearScript();
            return ok();
        });
        router.get(PREFIX + "/jobs", r -> EmulatorResponse.json(jobsJson()));
        router.get(PREFIX + "/settings", r -> EmulatorResponse.json(settings.toJson()));
        router.post(PREFIX + "/settings", r -> {
            Map<String, String> values = new LinkedHashMap<>(r.params());
            values.remove("f");
            settings.apply(values);
            return EmulatorResponse.json(settings.toJson());
        });
    }

    private EmulatorResponse script(EmulatorRequest request) {
        GpOutcome outcome = GpOutcome.parse(request.param("outcome")
                .orElseThrow(() -> new BadRequestException("outcome is required")));
        int times;
        try {
            times = Integer.parseInt(request.param("times").orElse("1"));
        } catch (NumberFormatException e) {
            throw new BadRequestException("times must be a number");
        }
        jobs.scriptNext(outcome, times);
        return ok();
    }

    private ObjectNode jobsJson() {
        long now = jobs.now();
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("jobs");
        Map<String, Integer> counts = new TreeMap<>();
        for (GpJob job : jobs.all()) {
            String status = job.status(now).wireName();
            counts.merge(status, 1, Integer::sum);
            list.addObject().put("jobId", job.id()).put("service", job.service().name())
                    .put("task", job.task().name()).put("jobStatus", status);
        }
        ObjectNode countNode = body.putObject("counts");
        counts.forEach(countNode::put);
        return body;
    }

    private static EmulatorResponse ok() {
        return EmulatorResponse.json(Json.object().put("status", "success"));
    }
}
