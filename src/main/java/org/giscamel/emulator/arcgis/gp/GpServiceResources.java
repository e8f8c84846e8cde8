package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.MultipartPart;
import org.giscamel.emulator.http.Router;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resources under {@code …/<service>/GPServer}: service and task metadata, submitJob, execute, jobs, cancel,
 * results, inputs and uploads (§4.4, §5). All accept GET and POST and ignore parameters they do not know
 * (esri-leaflet-gp's {@code outputParam}, {@code env:outSR}, {@code context}, ..).
 */
final class GpServiceResources {

    private static final String UNABLE = "Unable to complete operation.";
    private static final String NUMBER = "-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?";

    private final GpHttp http;
    private final GpJobs jobs;
    private final GpUploads uploads;
    private final GpSettings settings;
    private final GpResultValues values;
    private final BigDecimal currentVersion;

    GpServiceResources(GpHttp http, GpJobs jobs, GpUploads uploads, GpSettings settings, GpResultValues values,
                       BigDecimal currentVersion) {
        this.http = http;
        this.currentVersion = currentVersion;
        this.jobs = jobs;
        this.uploads = uploads;
        this.settings = settings;
        this.values = values;
    }

    /** Registers one service's routes, most specific first. */
    void register(Router router, GpService service) {
        String base = http.servicesPath() + service.name() + "/GPServer";
        router.read(base + "/uploads/upload", http.resource(service, r -> upload(r, service)));
        router.read(base + "/uploads/{itemId}", http.resource(service, r -> item(r, service)));
        router.read(base + "/{task}/submitJob",
                http.resource(service, r -> withTask(r, service, task -> submitJob(r, service, task))));
        router.read(base + "/{task}/execute",
                http.resource(service, r -> withTask(r, service, task -> execute(r, service, task))));
        router.read(base + "/{task}/jobs/{jobId}/cancel",
                http.resource(service, r -> withJob(r, service, job -> cancel(r, job))));
        router.read(base + "/{task}/jobs/{jobId}/results/{param}",
                http.resource(service, r -> withJob(r, service, job -> result(r, job))));
        router.read(base + "/{task}/jobs/{jobId}/inputs/{param}",
                http.resource(service, r -> withJob(r, service, job -> input(r, job))));
        router.read(base + "/{task}/jobs/{jobId}", http.resource(service, r -> withJob(r, service,
                job -> EmulatorResponse.json(values.jobJson(job, r.booleanParam("returnMessages", true))))));
        router.read(base + "/{task}", http.resource(service, r -> withTask(r, service,
                task -> EmulatorResponse.json(task.toJson(service, http.siteUrl(r))))));
        router.read(base, http.resource(service,
                r -> EmulatorResponse.json(service.toJson(currentVersion, settings.maximumRecords))));
    }

    private interface TaskHandler {
        EmulatorResponse handle(GpTask task) throws Exception;
    }

    private interface JobHandler {
        EmulatorResponse handle(GpJob job) throws Exception;
    }

    private static EmulatorResponse withTask(EmulatorRequest request, GpService service, TaskHandler handler)
            throws Exception {
        Optional<GpTask> task = service.task(request.pathVariable("task"));
        return task.isPresent() ? handler.handle(task.get()) : GpHttp.invalidUrl();
    }

    private EmulatorResponse withJob(EmulatorRequest request, GpService service, JobHandler handler) throws Exception {
        String jobId = request.pathVariable("jobId");
        Optional<GpJob> job = jobs.find(jobId)
                .filter(j -> !j.sync() && j.service() == service && j.task().name().equals(request.pathVariable("task")));
        return job.isPresent() ? handler.handle(job.get()) : GpHttp.unknownJob(jobId);
    }

    private EmulatorResponse submitJob(EmulatorRequest request, GpService service, GpTask task) {
        if (service.sync()) {
            return GpHttp.error(400, UNABLE, "Operation 'submitJob' is not supported on a synchronous service.");
        }
        GpJob job = jobs.submit(service, task, inputs(request, task));
        // The real server always answers Submitted, even when the job has already moved on.
        return EmulatorResponse.json(Json.object().put("jobId", job.id()).put("jobStatus", EsriJobStatus.SUBMITTED.wireName()));
    }

    private EmulatorResponse execute(EmulatorRequest request, GpService service, GpTask task) throws InterruptedException {
        if (!service.sync()) {
            return GpHttp.error(400, UNABLE, "Operation 'execute' is not supported on an asynchronous service.");
        }
        GpJob job = jobs.submit(service, task, inputs(request, task));
        Thread.sleep(settings.syncExecuteMillis);
        if (job.outcome() != GpOutcome.SUCCEEDED) {
            return GpHttp.error(500, "Error executing tool.", job.errorDetails().toArray(String[]::new));
        }
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        for (GpParameter output : task.outputs()) {
            results.add(values.result(request, job, output));
        }
        body.putArray("messages");
        return EmulatorResponse.json(body);
    }

    private EmulatorResponse cancel(EmulatorRequest request, GpJob job) {
        if (!job.requestCancel(jobs.now())) {
            return GpHttp.error(400, "Invalid or missing input parameters.");
        }
        return EmulatorResponse.json(Json.object().put("jobId", job.id()).put("jobStatus", EsriJobStatus.CANCELLING.wireName()));
    }

    private EmulatorResponse result(EmulatorRequest request, GpJob job) {
        Optional<GpParameter> param = job.task().parameter(request.pathVariable("param"), false);
        if (param.isEmpty()) {
            return GpHttp.invalidUrl();
        }
        EsriJobStatus status = job.status(jobs.now());
        if (status != EsriJobStatus.SUCCEEDED) {
            return GpHttp.error(400, UNABLE, "Job '" + job.id() + "' has no results; its status is " + status.wireName() + ".");
        }
        if (request.format().equals("image") && values.drawsAsMapImage(request, job, param.get())) {
            return values.mapImageBytes(request, job, param.get());
        }
        return EmulatorResponse.json(values.result(request, job, param.get()));
    }

    private EmulatorResponse input(EmulatorRequest request, GpJob job) {
        Optional<GpParameter> param = job.task().parameter(request.pathVariable("param"), true);
        if (param.isEmpty()) {
            return GpHttp.invalidUrl();
        }
        JsonNode value = job.inputs().get(param.get().name());
        ObjectNode body = Json.object().put("paramName", param.get().name()).put("dataType", param.get().dataType());
        body.set("value", value == null ? NullNode.getInstance() : value);
        return EmulatorResponse.json(body);
    }

    private EmulatorResponse upload(EmulatorRequest request, GpService service) {
        if (!service.uploads()) {
            return GpHttp.invalidUrl();
        }
        Optional<MultipartPart> file = request.part("file").filter(p -> p.filename() != null);
        if (file.isEmpty()) {
            return GpHttp.error(400, UNABLE, "The 'file' part of a multipart request is required.");
        }
        if (file.get().content().length > settings.maxUploadBytes) {
            return GpHttp.error(400, UNABLE, "The file exceeds the maximum upload size.");
        }
        GpUploads.Item item = uploads.add(service.name(), file.get().filename(),
                request.param("description").orElse(""), file.get().content());
        ObjectNode body = Json.object().put("success", true);
        body.set("item", item.toJson());
        return EmulatorResponse.json(body);
    }

    private EmulatorResponse item(EmulatorRequest request, GpService service) {
        if (!service.uploads()) {
            return GpHttp.invalidUrl();
        }
        String itemId = request.pathVariable("itemId");
        return uploads.find(service.name(), itemId)
                .map(item -> EmulatorResponse.json(item.toJson()))
                .orElseGet(() -> GpHttp.error(400, UNABLE, "Item '" + itemId + "' does not exist."));
    }

    /** The task's inputs as sent; non-literal values arrive as JSON text in their form field (§5.3). */
    private static Map<String, JsonNode> inputs(EmulatorRequest request, GpTask task) {
        Map<String, JsonNode> inputs = new LinkedHashMap<>();
        for (GpParameter p : task.inputs()) {
            request.nonBlankParam(p.name()).ifPresent(text -> inputs.put(p.name(), parseValue(p.name(), text.trim())));
        }
        return inputs;
    }

    private static JsonNode parseValue(String name, String text) {
        if (text.startsWith("{") || text.startsWith("[") || text.startsWith("\"") || text.matches(NUMBER)) {
            return Json.parseParam(name, text);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
        }
        return TextNode.valueOf(text);
    }
}
