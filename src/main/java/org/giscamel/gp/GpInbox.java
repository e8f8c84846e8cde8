package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.giscamel.gp.output.AtomicFiles;
import org.giscamel.gp.output.HashingInputStream;
import org.giscamel.inbox.DropGuard;
import org.giscamel.inbox.RefusedDrop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A job's inbox folder. A dropped file moves to {@code processing/} while its job runs, then to {@code done/}
 * or {@code failed/}; beside a failed file goes {@code <name>.error.json} naming the step, the reason and the
 * server's messages. A file is never overwritten: a name already taken gets a number. An entry the route cannot
 * read safely (see {@link DropGuard}) goes straight to {@code failed/}, under a safe name.
 */
public final class GpInbox {

    /** Exchange properties set by {@link #claim}. */
    public static final String INPUT_PATH = "gpInputPath";
    public static final String INPUT_NAME = "gpInputName";
    public static final String INPUT_SHA256 = "gpInputSha256";

    static final String PROCESSING = "processing";
    static final String DONE = "done";
    static final String FAILED = "failed";

    private static final Logger LOG = LoggerFactory.getLogger(GpInbox.class);

    private final GpJobStore store;
    private final Clock clock;

    public GpInbox(GpJobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** An entry of job {@code job}'s inbox that {@link DropGuard} refused goes to {@code failed/}, under its safe name. */
    void refuse(String job, RefusedDrop drop) {
        LOG.warn("GP job '{}' {}: moved to failed/ as {}: {}", job, drop.name(), drop.storedName(), drop.reason());
        fail(drop.entry(), drop.entry().getParent(), drop.name(), drop.storedName(), job, null,
                GpFailure.of("accept dropped file", drop.reason(), drop.reasonCode(), List.of()));
    }

    /** Step: takes the dropped file out of the inbox into {@code processing/} and computes its SHA-256. */
    public void claim(Exchange exchange) throws IOException {
        Path dropped = droppedFile(exchange);
        DropGuard.requireSafe(dropped);
        Path processing = moveInto(dropped, dropped.resolveSibling(PROCESSING));
        String sha256;
        try (InputStream in = Files.newInputStream(processing)) {
            HashingInputStream hashing = new HashingInputStream(in);
            hashing.transferTo(OutputStream.nullOutputStream());
            sha256 = hashing.sha256();
        }
        exchange.setProperty(INPUT_PATH, processing);
        exchange.setProperty(INPUT_NAME, dropped.getFileName().toString());
        exchange.setProperty(INPUT_SHA256, sha256);
    }

    /**
     * Failure step of the drop route: the file goes to {@code failed/} with its error file, and a job recorded
     * but not submitted is marked failed. A job the server accepted belongs to the poller and is left alone.
     */
    public void reject(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        GpFailure failure = GpFailure.from(cause, "accept dropped file");
        GpJobSpec spec = exchange.getProperty(GpJobDeclaration.SPEC, GpJobSpec.class);
        Optional<GpJobRecord> job = Optional.ofNullable(exchange.getProperty(GpSubmitter.JOB_ID, String.class))
                .flatMap(store::find);
        if (job.isPresent() && job.get().phase() != GpPhase.SUBMITTING) {
            LOG.error("{}: {} after the server accepted the job; the poller carries on with it",
                    job.get().describe(), failure.reason());
            return;
        }
        job.ifPresent(j -> store.recordFinished(j.id(), GpPhase.FAILED, failure, null));
        Path input = Optional.ofNullable(exchange.getProperty(INPUT_PATH, Path.class)).orElseGet(() -> droppedFile(exchange));
        String name = Optional.ofNullable(exchange.getProperty(INPUT_NAME, String.class))
                .orElse(input.getFileName().toString());
        LOG.warn("GP job '{}' {}: moved to failed/: {}", spec == null ? "?" : spec.name(), name, failure.reason());
        fail(input, inboxOf(input, exchange), name, input.getFileName().toString(), spec == null ? null : spec.name(),
                null, failure);
    }

    /** The job ended: its input moves to {@code done/}, or to {@code failed/} with the error file. */
    public void finish(GpJobRecord job, GpFailure failure) {
        Path inbox = job.inputPath().getParent().getParent();
        if (!Files.exists(job.inputPath())) {
            return; // moved before a restart interrupted the job's last steps
        }
        if (failure == null) {
            move(job.inputPath(), inbox.resolve(DONE));
        } else {
            fail(job.inputPath(), inbox, job.inputName(), job.inputPath().getFileName().toString(), job.jobName(),
                    job.serverJobId().orElse(null), failure);
        }
    }

    /**
     * @param name       the name the file was dropped under, for the error file
     * @param storedName the name to keep it under in {@code failed/}
     */
    private void fail(Path input, Path inbox, String name, String storedName, String jobName, String serverJobId,
                      GpFailure failure) {
        try {
            Path moved = moveInto(input, inbox.resolve(FAILED), storedName);
            ObjectNode error = GpJson.object().put("file", name);
            if (jobName != null) {
                error.put("job", jobName);
            }
            if (serverJobId != null) {
                error.put("serverJobId", serverJobId);
            }
            error.put("failedAt", GpJson.time(clock.millis()));
            error.setAll(failure.toJson());
            AtomicFiles.write(moved.resolveSibling(moved.getFileName() + ".error.json"), GpJson.pretty(error));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move " + input + " to the failed folder", e);
        }
    }

    private void move(Path file, Path folder) {
        try {
            moveInto(file, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move " + file + " to " + folder, e);
        }
    }

    private static Path moveInto(Path file, Path folder) throws IOException {
        return moveInto(file, folder, file.getFileName().toString());
    }

    /**
     * Moves {@code file} (a link itself, not its target) into {@code folder} as {@code name}, or with {@code -1},
     * {@code -2}.. when taken.
     */
    private static Path moveInto(Path file, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 0; ; n++) {
            Path target = folder.resolve(n == 0 ? name : base + "-" + n + extension);
            if (!Files.exists(target) && !Files.exists(target.resolveSibling(target.getFileName() + ".error.json"))) {
                try {
                    return Files.move(file, target);
                } catch (FileAlreadyExistsException taken) {
                    // another thread took the name just now; try the next
                }
            }
        }
    }

    private static Path droppedFile(Exchange exchange) {
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        if (file == null) {
            throw new IllegalStateException("The GP job route must start with a file: endpoint");
        }
        return Path.of(file.getAbsoluteFilePath());
    }

    /** The inbox of a file: its folder, or the parent of {@code processing/} once claimed. */
    private static Path inboxOf(Path input, Exchange exchange) {
        return exchange.getProperty(INPUT_PATH) == null ? input.getParent() : input.getParent().getParent();
    }
}
