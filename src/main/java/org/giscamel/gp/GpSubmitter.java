package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.giscamel.gp.input.GpInput;
import org.giscamel.gp.input.GpInputException;
import org.giscamel.gp.input.GpInputKind;
import org.giscamel.gp.input.GpInputReader;
import org.giscamel.gp.input.GpInputSettings;
import org.giscamel.http.GisRequest;
import org.giscamel.observe.LogContext;
import org.giscamel.reply.TransientServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The submit steps of the drop route: read the dropped file as the task's input, record the job, upload a data
 * file, submit. Nothing reaches the server before the file has passed every check, and nothing is submitted
 * before the job store holds the job.
 */
public final class GpSubmitter {

    /** Exchange property: the job store id, once recorded. */
    public static final String JOB_ID = "gpJobId";
    static final String INPUT = "gpInput";
    static final String VALUE = "gpInputValue";

    private static final Logger LOG = LoggerFactory.getLogger(GpSubmitter.class);

    private final GpTaskCatalog tasks;
    private final GpJobStore store;
    private final GpServer server;
    private final GpFlowSettings settings;
    private final GpPollSchedule schedule;
    private final Clock clock;

    public GpSubmitter(GpTaskCatalog tasks, GpJobStore store, GpServer server, GpFlowSettings settings,
                       GpPollSchedule schedule, Clock clock) {
        this.tasks = tasks;
        this.store = store;
        this.server = server;
        this.settings = settings;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Step: checks and converts the file for the task's input parameter; the server sees nothing yet. */
    public void readInput(Exchange exchange) throws IOException {
        GpJobSpec spec = spec(exchange);
        Path file = exchange.getProperty(GpInbox.INPUT_PATH, Path.class);
        GpInputKind.of(file, settings.input()); // an unsupported file fails even while the server is unreachable
        GpTaskInfo task = tasks.task(spec.taskUrl());
        JsonNode parameter = task.parameter(spec.inputParameter())
                .filter(p -> p.path("direction").asText().equals("esriGPParameterDirectionInput"))
                .orElseThrow(() -> new GpStepException(GpFailure.of("read GP task metadata", "the task "
                        + spec.taskUrl() + " has no input parameter '" + spec.inputParameter() + "'",
                        "unknown-parameter", List.of())));
        GpInputSettings input = settings.input();
        GpInputReader reader = new GpInputReader(new GpInputSettings(input.uploadExtensions(),
                input.maxFeatureFileBytes(), spec.inputWkid()));
        GpInput read = reader.read(file, parameter);
        if (read instanceof GpInput.Upload && !task.uploads()) {
            throw new GpInputException(GpInputException.Reason.UPLOAD_NOT_SUPPORTED, exchange.getProperty(
                    GpInbox.INPUT_NAME, String.class) + ": the GP service " + task.serviceUrl()
                    + " does not have the Uploads capability, so a data file cannot be passed to it");
        }
        exchange.setProperty(INPUT, read);
    }

    /**
     * Step: records the job in the job store before anything is submitted.
     *
     * @throws GpStepException {@code duplicate} when the same content was dropped for this job before
     */
    public void record(Exchange exchange) {
        if (exchange.getProperty(JOB_ID) != null) {
            return; // a redelivery of the steps after it
        }
        GpJobSpec spec = spec(exchange);
        String name = exchange.getProperty(GpInbox.INPUT_NAME, String.class);
        String sha256 = exchange.getProperty(GpInbox.INPUT_SHA256, String.class);
        Duration deadline = spec.deadline().orElse(settings.defaultDeadline());
        GpJobRecord job = store.recordIntent(new GpJobStore.NewJob(spec, name,
                exchange.getProperty(GpInbox.INPUT_PATH, Path.class), sha256,
                summary(spec, name, sha256, exchange.getProperty(INPUT, GpInput.class)),
                clock.millis() + deadline.toMillis()));
        exchange.setProperty(JOB_ID, job.id());
        LogContext.gpJob(exchange, job.id());
    }

    /** Step: a data file goes to the service's {@code uploads/upload}; the input becomes its {@code itemID}. */
    public void upload(Exchange exchange) {
        GpInput input = exchange.getProperty(INPUT, GpInput.class);
        if (input instanceof GpInput.Features features) {
            exchange.setProperty(VALUE, features.parameterValue());
            return;
        }
        Path file = ((GpInput.Upload) input).file();
        GpTaskInfo task = tasks.task(spec(exchange).taskUrl());
        JsonNode reply = server.call("upload input file", GisRequest.upload(task.uploadUrl(),
                Map.of("description", "gis-camel-routes " + spec(exchange).name()), "file", file, null));
        String itemId = reply.path("item").path("itemID").asText("");
        if (itemId.isEmpty()) {
            throw new GpStepException(GpFailure.of("upload input file", "the upload reply has no item.itemID",
                    "bad-reply", List.of()));
        }
        exchange.setProperty(VALUE, GpInput.Upload.parameterValue(itemId));
    }

    /**
     * Step: {@code submitJob} for an asynchronous task (then polled), {@code execute} for a synchronous one (its
     * results are written next). A failure that may have reached the server is not retried: the job could then
     * run twice; it is reported instead.
     */
    public void submit(Exchange exchange) {
        GpJobSpec spec = spec(exchange);
        GpTaskInfo task = tasks.task(spec.taskUrl());
        String id = exchange.getProperty(JOB_ID, String.class);
        GpJobRecord job = store.find(id).orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        spec.parameters().fields().forEachRemaining(p -> form.put(p.getKey(), formValue(p.getValue())));
        form.put(spec.inputParameter(), exchange.getProperty(VALUE, String.class));
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
            if (mayHaveReachedServer(e)) {
                throw new GpStepException(new GpFailure(e.step(), e.getMessage() + "; the server may have received "
                        + "the job, so it is not sent again: check the server, then drop the file again if needed",
                        "submit-outcome-unknown", e.httpStatus(), null, e.serverMessages()));
            }
            throw e;
        }
        if (task.sync()) {
            store.recordExecuted(id, reply.path("results"), reply.path("messages"));
            LOG.info("{}: executed synchronously; writing its results", job.describe());
            return;
        }
        String serverJobId = reply.path("jobId").asText("");
        if (serverJobId.isEmpty()) {
            throw new GpStepException(GpFailure.of(step, "the submitJob reply has no jobId", "bad-reply", List.of()));
        }
        GpJobStatus status = GpJobStatus.from(reply.path("jobStatus").asText());
        store.recordSubmitted(id, serverJobId, status, clock.millis() + schedule.first());
        LOG.info("GP job '{}' {}: submitted as {} ({})", spec.name(), job.inputName(), serverJobId, status.wireName());
    }

    /**
     * Only a refused connection or a server that says it is unavailable (503, 429) proves the job was not
     * created; a timeout, a reset or another 5xx may come after the server accepted it.
     */
    static boolean mayHaveReachedServer(TransientServerException e) {
        return switch (e.reason()) {
            case CONNECTION_REFUSED -> false;
            case SERVER_ERROR -> e.httpStatus() != 503 && e.httpStatus() != 429;
            case TIMEOUT, CONNECTION_RESET -> true;
        };
    }

    /** Non-literal values travel as JSON text; strings as they are (arcgis-rest.md §5.3). */
    private static String formValue(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static ObjectNode summary(GpJobSpec spec, String name, String sha256, GpInput input) {
        ObjectNode node = GpJson.object();
        ObjectNode file = node.putObject("input").put("parameter", spec.inputParameter()).put("file", name)
                .put("sha256", sha256);
        if (input instanceof GpInput.Features features) {
            file.put("kind", "features").put("format", features.source().name()).put("features", features.featureCount());
            if (features.geometryType() != null) {
                file.put("geometryType", features.geometryType());
            }
        } else {
            file.put("kind", "upload");
        }
        node.set("parameters", spec.parameters());
        return node;
    }

    private static GpJobSpec spec(Exchange exchange) {
        return exchange.getProperty(GpJobDeclaration.SPEC, GpJobSpec.class);
    }
}
