package org.giscamel.kamelet;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.giscamel.gp.GpFailure;
import org.giscamel.gp.GpInbox;
import org.giscamel.gp.GpJobDeclaration;
import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobSpec;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpOutbox;
import org.giscamel.gp.GpPhase;
import org.giscamel.gp.GpStepException;
import org.giscamel.gp.GpSubmitter;
import org.giscamel.gp.output.AtomicFiles;
import org.giscamel.gp.output.OutputNames;
import org.giscamel.gp.output.UnsafeOutputNameException;
import org.giscamel.gp.output.WrittenFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bean of the {@code arcgis-gp-job-action} Kamelet: runs one GP job to its end and replies with its
 * {@code job.json}. It is the drop flow of {@code gp-job-template.camel.yaml} with the message body in place of a
 * dropped file: the body is kept as the job's input file ({@code <inputFolder>/processing}, then {@code done/} or
 * {@code failed/}), the flow's own beans check, record, upload and submit it, and the flow's poller route
 * ({@code gis-gp-poller}) polls it and writes its outputs, all through the same job store. So a job survives a
 * restart like any other, and this bean only waits for the store to record the job's end.
 *
 * <p>The same input for the same job name, while the earlier job runs or after it succeeded, is not submitted
 * again: the reply is the earlier job's.
 */
public final class GpJobAction {

    /**
     * Reply headers: the job store's id (job.json's {@code jobId}, the logs' {@code gis.gpJobId}), the server's job
     * id, and the folder holding the outputs and job.json.
     */
    public static final String JOB_ID = "GisGpJobId";
    public static final String SERVER_JOB_ID = "GisGpServerJobId";
    public static final String OUTPUT_FOLDER = "GisGpOutputFolder";

    static final String POLLER_ROUTE = "gis-gp-poller";
    private static final String DEFAULT_INPUT_NAME = "features.json";
    private static final long STORE_CHECK_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(GpJobAction.class);

    private GpSubmitter submitter;
    private GpInbox inbox;
    private GpJobStore store;
    private Path inputFolder;

    public void setSubmitter(GpSubmitter submitter) {
        this.submitter = submitter;
    }

    public void setInbox(GpInbox inbox) {
        this.inbox = inbox;
    }

    public void setStore(GpJobStore store) {
        this.store = store;
    }

    public void setInputFolder(String inputFolder) {
        this.inputFolder = Path.of(inputFolder);
    }

    /**
     * Step: submits the body as the job's input and blocks until the job ends; the reply body is then the job's
     * {@code job.json}. A job that failed or timed out raises a {@link GpStepException} with the step, the reason
     * and the server's messages instead (its {@code job.json} is written all the same).
     */
    public void run(Exchange exchange) throws Exception {
        requirePoller(exchange.getContext());
        GpJobSpec spec = exchange.getProperty(GpJobDeclaration.SPEC, GpJobSpec.class);
        exchange.removeProperty(GpSubmitter.JOB_ID); // a redelivery starts a new job
        Path staged = stage(exchange);
        String id;
        try {
            submitter.readInput(exchange);
            submitter.record(exchange);
            submitter.upload(exchange);
            submitter.submit(exchange);
            id = exchange.getProperty(GpSubmitter.JOB_ID, String.class);
        } catch (GpStepException e) {
            Optional<GpJobRecord> earlier = isDuplicate(e) ? liveJob(spec, exchange) : Optional.empty();
            if (earlier.isEmpty()) {
                throw reject(exchange, e);
            }
            Files.deleteIfExists(staged);
            LOG.info("{}: same input as before; replying with that job's result", earlier.get().describe());
            id = earlier.get().id();
        } catch (Exception e) {
            throw reject(exchange, e);
        }
        reply(exchange, awaitEnd(exchange.getContext(), id));
    }

    /** Without the poller route nothing would ever end the job, and the caller would wait for nothing. */
    private static void requirePoller(CamelContext context) {
        if (context.getRouteController().getRouteStatus(POLLER_ROUTE) != ServiceStatus.Started) {
            throw new IllegalStateException("The GP poller route " + POLLER_ROUTE + " is not running: load "
                    + "classpath:gis-camel-routes/gp-job-template.camel.yaml beside the routes that use "
                    + "kamelet:arcgis-gp-job-action");
        }
    }

    /** Keeps the body as the job's input file and takes its SHA-256 on the way. */
    private Path stage(Exchange exchange) throws Exception {
        String name = inputName(exchange);
        Path reserved = reserve(inputFolder.resolve("processing"), name);
        WrittenFile written;
        try (InputStream body = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            written = AtomicFiles.write(reserved, body);
        } catch (Exception e) {
            Files.deleteIfExists(reserved);
            throw e;
        }
        exchange.setProperty(GpInbox.INPUT_PATH, written.path());
        exchange.setProperty(GpInbox.INPUT_NAME, name);
        exchange.setProperty(GpInbox.INPUT_SHA256, written.sha256());
        return written.path();
    }

    /**
     * Takes the name, or with {@code -1}, {@code -2}.. when another call holds it, as the inbox does for
     * dropped files; creating the file claims the name, so two calls at once never share one.
     */
    private static Path reserve(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 0; ; n++) {
            try {
                return Files.createFile(folder.resolve(n == 0 ? name : base + "-" + n + extension));
            } catch (FileAlreadyExistsException taken) {
                // held by a job still running; try the next
            }
        }
    }

    /** The caller's file name ({@code CamelFileName}) names the input in job.json and the output folder. */
    private static String inputName(Exchange exchange) {
        try {
            return OutputNames.fileName(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                    DEFAULT_INPUT_NAME);
        } catch (UnsafeOutputNameException e) {
            return DEFAULT_INPUT_NAME;
        }
    }

    private static boolean isDuplicate(GpStepException e) {
        return e.failure().reasonCode().equals("duplicate");
    }

    /** The job that holds this input's place: still running, or succeeded. */
    private Optional<GpJobRecord> liveJob(GpJobSpec spec, Exchange exchange) {
        String sha256 = exchange.getProperty(GpInbox.INPUT_SHA256, String.class);
        return store.jobsOf(spec.name()).stream()
                .filter(job -> job.inputSha256().equals(sha256))
                .filter(job -> !job.phase().isFinished() || job.phase() == GpPhase.SUCCEEDED)
                .reduce((first, second) -> second);
    }

    /** As the drop route does: the input goes to failed/ beside its error file, a recorded job is ended. */
    private Exception reject(Exchange exchange, Exception cause) {
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        try {
            inbox.rejectStaged(exchange);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        }
        return cause;
    }

    private GpJobRecord awaitEnd(CamelContext context, String id) throws InterruptedException {
        while (true) {
            GpJobRecord job = store.find(id).orElseThrow(() -> new IllegalStateException("GP job " + id
                    + " is not in the job store"));
            if (job.phase().isFinished()) {
                return job;
            }
            if (context.isStopping() || context.isStopped()) {
                throw new IllegalStateException(job.describe() + " was still running when Camel stopped; it is "
                        + "taken up again at the next start and its outputs go to " + outputFolder(job));
            }
            Thread.sleep(STORE_CHECK_MILLIS);
        }
    }

    private static void reply(Exchange exchange, GpJobRecord job) throws IOException {
        Path folder = outputFolder(job);
        exchange.getMessage().setHeader(JOB_ID, job.id());
        job.serverJobId().ifPresent(serverId -> exchange.getMessage().setHeader(SERVER_JOB_ID, serverId));
        exchange.getMessage().setHeader(OUTPUT_FOLDER, folder.toString());
        if (job.phase() != GpPhase.SUCCEEDED) {
            throw new GpStepException(job.failure().orElseGet(() -> GpFailure.of("run GP job", "the job ended "
                    + job.phase(), "job-" + job.phase().name().toLowerCase(Locale.ROOT), List.of())));
        }
        exchange.getMessage().setBody(Files.readString(folder.resolve("job.json"), StandardCharsets.UTF_8));
    }

    /** Where the flow wrote the job's files: the Kamelet's output is always a {@code file:} folder. */
    private static Path outputFolder(GpJobRecord job) {
        return GpOutbox.forUri(job.spec().output(), null).localJobFolder(job.outputFolder()).orElseThrow();
    }
}
