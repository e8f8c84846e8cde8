package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.GisRequest;
import org.giscamel.reply.TransientServerException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ArcGIS GP task protocol (arcgis-rest.md §5): {@code submitJob} or {@code execute}, {@code jobs/<id>}
 * status reads with {@code returnMessages}, {@code cancel}, and the {@code results/<param>} replies.
 */
public final class ArcGisGpTask implements GpBackend {

    private final GpTaskCatalog tasks;
    private final GpServer server;
    private final Clock clock;

    public ArcGisGpTask(GpTaskCatalog tasks, GpServer server, Clock clock) {
        this.tasks = tasks;
        this.server = server;
        this.clock = clock;
    }

    /**
     * {@code submitJob} for an asynchronous task, {@code execute} for a synchronous one. A failure that may have
     * reached the server is not retried: the job could then run twice; it is reported instead.
     */
    @Override
    public Submission submit(GpJobRecord job, String inputValue) {
        GpJobSpec spec = job.spec();
        GpTaskInfo task = tasks.task(spec.taskUrl());
        Map<String, String> form = new LinkedHashMap<>();
        spec.parameters().fields().forEachRemaining(p -> form.put(p.getKey(), formValue(p.getValue())));
        form.put(spec.inputParameter(), inputValue);
        String step = task.sync() ? "execute GP task" : "submit GP job";
        URI target = URI.create(spec.taskUrl() + (task.sync() ? "/execute" : "/submitJob"));
        GisRequest request = GisRequest.postForm(target, form);
        if (task.sync()) {
            request = request.timeout(Duration.ofMillis(Math.max(1, job.deadlineAt() - clock.millis())));
        }
        JsonNode reply;
        try {
            reply = server.call(step, request);
        } catch (TransientServerException e) {
            throw SubmitOutcome.afterTransientFailure(e);
        }
        if (task.sync()) {
            return new Submission(Optional.empty(), GpJobStatus.SUCCEEDED, reply.path("results"), reply.path("messages"));
        }
        String serverJobId = reply.path("jobId").asText("");
        if (serverJobId.isEmpty()) {
            throw new GpStepException(GpFailure.of(step, "the submitJob reply has no jobId", "bad-reply", List.of()));
        }
        return new Submission(Optional.of(serverJobId), GpJobStatus.from(reply.path("jobStatus").asText()), null, null);
    }

    @Override
    public JobState read(GpJobRecord job, boolean finalRead) {
        JsonNode reply = server.call(finalRead ? "read GP job messages" : "read GP job status",
                GisRequest.get(jobUrl(job)).param("returnMessages", String.valueOf(finalRead)));
        return new JobState(GpJobStatus.from(reply.path("jobStatus").asText(null)), reply.path("progress"),
                reply.path("messages"), reply.path("results"));
    }

    @Override
    public Optional<GpJobStatus> cancel(GpJobRecord job) {
        JsonNode reply = server.call("cancel GP job", GisRequest.postForm(URI.create(jobUrl(job) + "/cancel"), Map.of()));
        return Optional.of(GpJobStatus.from(reply.path("jobStatus").asText(null)));
    }

    /** The {@code results/<param>} replies: read from the server for a job, or as {@code execute} returned them. */
    @Override
    public List<JsonNode> results(GpJobRecord job) {
        List<JsonNode> results = new ArrayList<>();
        if (job.sync()) {
            job.results().forEach(results::add);
            return results;
        }
        GpTaskInfo task = tasks.task(job.spec().taskUrl());
        URI jobUrl = URI.create(jobUrl(job) + "/");
        job.results().fields().forEachRemaining(entry -> {
            // paramUrl is relative to the job URL (arcgis-rest.md §5.6), and may differ in case from the key
            String paramUrl = entry.getValue().path("paramUrl").asText("results/" + entry.getKey());
            GisRequest request = GisRequest.get(jobUrl.resolve(paramUrl));
            if (job.spec().returnData() && task.resultMapService()) {
                request = request.param("returnType", "data");
            }
            results.add(server.call("read GP result " + entry.getKey(), request));
        });
        return results;
    }

    /** Non-literal values travel as JSON text; strings as they are (arcgis-rest.md §5.3). */
    private static String formValue(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static URI jobUrl(GpJobRecord job) {
        return URI.create(job.spec().taskUrl() + "/jobs/"
                + URLEncoder.encode(job.serverJobId().orElseThrow(), StandardCharsets.UTF_8));
    }
}
