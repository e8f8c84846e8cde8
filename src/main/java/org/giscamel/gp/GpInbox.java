package org.giscamel.gp;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConstants;
import org.giscamel.gp.output.HashingInputStream;
import org.giscamel.inbox.DropGuard;
import org.giscamel.inbox.RefusedDrop;
import org.giscamel.reply.TransientServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The drop route's file steps, for a job's inbox folder. The route's file consumer takes a dropped file into
 * {@code processing/<exchange id>/} ({@code preMove}) and leaves it there while its job runs ({@code noop}); a drop
 * that fails moves to {@code failed/} ({@code moveFailed}) under the name {@link #reject} keeps for it beside its
 * {@code <name>.error.json}. The job's end moves its input on ({@link GpJobLifecycle#complete}); see
 * {@link GpInputFiles}. An entry the route cannot read safely (see {@link DropGuard}) goes straight to
 * {@code failed/}, under a safe name.
 */
public final class GpInbox {

    /** Exchange properties set by {@link #claim}. */
    public static final String INPUT_PATH = "gpInputPath";
    public static final String INPUT_NAME = "gpInputName";
    public static final String INPUT_SHA256 = "gpInputSha256";
    /** Exchange property: the name the drop route's {@code moveFailed} keeps a failed drop under in {@code failed/}. */
    public static final String FAILED_NAME = "gpFailedName";

    private static final Logger LOG = LoggerFactory.getLogger(GpInbox.class);

    private final GpJobLifecycle jobs;
    private final GpJobStore store;
    private final int maxRetries;
    private final Clock clock;

    /** @param maxRetries how often a transient failure of a drop is tried again ({@code gis.retry.max-retries}) */
    public GpInbox(GpJobLifecycle jobs, GpJobStore store, int maxRetries, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.maxRetries = maxRetries;
        this.clock = clock;
    }

    /** An entry of job {@code job}'s inbox that {@link DropGuard} refused goes to {@code failed/}, under its safe name. */
    void refuse(String job, RefusedDrop drop) throws IOException {
        LOG.warn("GP job '{}' {}: moved to failed/ as {}: {}", job, drop.name(), drop.storedName(), drop.reason());
        GpInputFiles.moveToFailed(drop.entry(), drop.entry().getParent(), drop.storedName(), GpInputFiles.error(
                drop.name(), job, null, null, GpFailure.of("accept dropped file", drop.reason(), drop.reasonCode(),
                        List.of()), clock));
    }

    /**
     * Step: the dropped file, now in {@code processing/}: checked once more (it may have been swapped for a link
     * since the inbox was listed), then its SHA-256.
     */
    public void claim(Exchange exchange) throws IOException {
        Path input = droppedFile(exchange);
        DropGuard.requireSafe(input);
        String sha256;
        try (InputStream in = Files.newInputStream(input)) {
            HashingInputStream hashing = new HashingInputStream(in);
            hashing.transferTo(OutputStream.nullOutputStream());
            sha256 = hashing.sha256();
        }
        exchange.setProperty(INPUT_PATH, input);
        exchange.setProperty(INPUT_NAME, input.getFileName().toString());
        exchange.setProperty(INPUT_SHA256, sha256);
    }

    /**
     * {@code retryWhile} of the drop route: a transient failure (5xx, reset, timeout) that cannot have created a job
     * is tried again, after the shared policy's delay, up to {@code gis.retry.max-retries} times.
     */
    public boolean retryable(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        if (!(failure instanceof TransientServerException) || attempt > maxRetries) {
            return false;
        }
        LOG.warn("GP job '{}' {}: {}; trying again ({} of {})", jobName(exchange), inputName(exchange),
                failure.getMessage(), attempt, maxRetries);
        return true;
    }

    /**
     * Failure step of the drop route: a job recorded but not submitted ends as failed, and the file's error file
     * is written in {@code failed/}, claiming the name the route's {@code moveFailed} moves the file to.
     */
    public void reject(Exchange exchange) throws IOException {
        String name = Optional.ofNullable(exchange.getProperty(INPUT_NAME, String.class))
                .or(() -> Optional.ofNullable(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class)))
                .orElse("dropped-file");
        exchange.setProperty(FAILED_NAME, name); // whatever happens next, moveFailed has a name
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        GpFailure failure = GpFailure.from(cause, "accept dropped file");
        Optional<GpJobRecord> job = Optional.ofNullable(exchange.getProperty(GpSubmitter.JOB_ID, String.class))
                .flatMap(store::find);
        job.ifPresent(j -> jobs.rejected(j, failure));
        Path inbox = GpInputFiles.inboxOf(inputPath(exchange));
        String kept = GpInputFiles.writeError(inbox.resolve(GpInputFiles.FAILED), name, GpInputFiles.error(name,
                jobName(exchange), job.map(GpJobRecord::id).orElse(null), null, failure, clock));
        exchange.setProperty(FAILED_NAME, kept);
        LOG.warn("GP job '{}' {}: to failed/{}: {}", jobName(exchange), name, kept, failure.reason());
    }

    /** As {@link #reject}, for an input that no file consumer took (the Kamelet's): it is moved here. */
    public void rejectStaged(Exchange exchange) throws IOException {
        reject(exchange);
        Path input = inputPath(exchange);
        Files.move(input, GpInputFiles.inboxOf(input).resolve(GpInputFiles.FAILED)
                .resolve(exchange.getProperty(FAILED_NAME, String.class)));
    }

    private static Path inputPath(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(INPUT_PATH, Path.class)).orElseGet(() -> droppedFile(exchange));
    }

    private static String inputName(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(INPUT_NAME, String.class))
                .orElseGet(() -> inputPath(exchange).getFileName().toString());
    }

    private static String jobName(Exchange exchange) {
        GpJobSpec spec = exchange.getProperty(GpJobDeclaration.SPEC, GpJobSpec.class);
        return spec == null ? "?" : spec.name();
    }

    /** Where the file consumer put the dropped file (after its preMove). */
    private static Path droppedFile(Exchange exchange) {
        String path = exchange.getIn().getHeader(FileConstants.FILE_ABSOLUTE_PATH, String.class);
        if (path == null) {
            throw new IllegalStateException("The GP job route must start with a file: endpoint");
        }
        return Path.of(path);
    }
}
