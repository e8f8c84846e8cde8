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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    static final String WPS_INPUT = "gpWpsInput";

    private static final Logger LOG = LoggerFactory.getLogger(GpSubmitter.class);

    private final GpTaskCatalog tasks;
    private final WpsInputs wpsInputs;
    private final GpJobLifecycle jobs;
    private final GpJobStore store;
    private final GpServer server;
    private final GpBackends backends;
    private final GpFlowSettings settings;
    private final GpPollSchedule schedule;
    private final Clock clock;

    public GpSubmitter(GpTaskCatalog tasks, WpsInputs wpsInputs, GpJobLifecycle jobs, GpJobStore store,
                       GpServer server, GpBackends backends, GpFlowSettings settings, GpPollSchedule schedule,
                       Clock clock) {
        this.tasks = tasks;
        this.wpsInputs = wpsInputs;
        this.jobs = jobs;
        this.store = store;
        this.server = server;
        this.backends = backends;
        this.settings = settings;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Step: checks and converts the file for the task's input parameter; the server sees nothing yet. */
    public void readInput(Exchange exchange) throws IOException {
        GpJobSpec spec = spec(exchange);
        Path file = exchange.getProperty(GpInbox.INPUT_PATH, Path.class);
        if (spec.wpsProcess().isPresent()) {
            String name = exchange.getProperty(GpInbox.INPUT_NAME, String.class);
            if (spec.wpsInput() == GpJobSpec.WpsInput.CONTENT) {
                exchange.setProperty(WPS_INPUT, wpsInputs.plan(spec, file, name));
            }
            exchange.setProperty(VALUE, name); // the literal of wpsInput name; the WPS backend sends the content
            return;
        }
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
        GpJobRecord job = jobs.record(new GpJobLifecycle.NewJob(spec, name,
                exchange.getProperty(GpInbox.INPUT_PATH, Path.class), sha256,
                summary(spec, name, sha256, exchange.getProperty(INPUT, GpInput.class),
                        exchange.getProperty(WPS_INPUT, WpsInputs.Plan.class)),
                clock.millis() + deadline.toMillis()));
        exchange.setProperty(JOB_ID, job.id());
        LogContext.gpJob(exchange, job.id());
    }

    /** Step: a data file goes to the service's {@code uploads/upload}; the input becomes its {@code itemID}. */
    public void upload(Exchange exchange) {
        GpInput input = exchange.getProperty(INPUT, GpInput.class);
        if (input == null) {
            return; // a WPS input, passed as it is
        }
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
     * Step: submits through the job's protocol adapter; an asynchronous job is polled from now on, the results
     * of a synchronous execution are written next.
     */
    public void submit(Exchange exchange) {
        GpJobSpec spec = spec(exchange);
        String id = exchange.getProperty(JOB_ID, String.class);
        GpJobRecord job = store.find(id).orElseThrow();
        GpBackend.Submission submission = backends.of(spec).submit(job, exchange.getProperty(VALUE, String.class));
        if (submission.serverJobId().isEmpty()) {
            jobs.executed(job, submission.results(), submission.messages());
            LOG.info("{}: executed synchronously; writing its results", job.describe());
            return;
        }
        String serverJobId = submission.serverJobId().get();
        jobs.submitted(job, serverJobId, submission.status(), clock.millis() + schedule.first());
        LOG.info("GP job '{}' {}: submitted as {} ({}); job id {}", spec.name(), job.inputName(), serverJobId,
                submission.status().wireName(), id);
    }

    private static ObjectNode summary(GpJobSpec spec, String name, String sha256, GpInput input,
                                      WpsInputs.Plan wps) {
        ObjectNode node = GpJson.object();
        ObjectNode file = node.putObject("input").put("parameter", spec.inputParameter()).put("file", name)
                .put("sha256", sha256);
        if (input instanceof GpInput.Features features) {
            file.put("kind", "features").put("format", features.source().name()).put("features", features.featureCount());
            if (features.geometryType() != null) {
                file.put("geometryType", features.geometryType());
            }
        } else if (input instanceof GpInput.Upload) {
            file.put("kind", "upload");
        } else if (wps != null) {
            file.put("kind", "content").put("mimeType", wps.format().mimeType()).put("delivery", wps.delivery())
                    .put("bytes", wps.bytes());
        } else {
            file.put("kind", "name");
        }
        node.set("parameters", spec.parameters());
        return node;
    }

    private static GpJobSpec spec(Exchange exchange) {
        return exchange.getProperty(GpJobDeclaration.SPEC, GpJobSpec.class);
    }
}
