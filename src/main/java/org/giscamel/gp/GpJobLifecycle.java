package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ProducerTemplate;
import org.giscamel.gp.GpJobStore.Change;
import org.giscamel.gp.GpJobStore.Column;
import org.giscamel.observe.GisMetrics;
import org.giscamel.observe.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state machine of a GP job, and the only writer to the job store: the drop route's beans, the poller and the
 * downloader ask it to move a job on, and it records each move as one transaction that applies only while the job
 * is still in the phase the move starts from.
 *
 * <pre>
 * SUBMITTING  → RUNNING (submitted), DOWNLOADING (executed synchronously), FAILED (the drop failed),
 *               COMPLETING (found so at start-up: the submission's outcome is unknown)
 * RUNNING     → RUNNING (polled, tried again later), DOWNLOADING (succeeded on the server), COMPLETING (its end decided)
 * DOWNLOADING → DOWNLOADING (an output written, tried again later), COMPLETING (every output written, or not)
 * COMPLETING  → COMPLETING (tried again later), SUCCEEDED, FAILED or TIMED_OUT (completed)
 * </pre>
 *
 * Completing a job writes {@code job.log} and {@code job.json}, then moves its input to {@code done/} or
 * {@code failed/}, and records the end last: a crash at any point completes it again after the restart.
 */
public final class GpJobLifecycle {

    /** What is known of a job before it is submitted. */
    public record NewJob(GpJobSpec spec, String inputName, Path inputPath, String inputSha256, JsonNode input,
                         long deadlineAt) {
    }

    /**
     * How a job ends, decided before its report is written.
     *
     * @param result      SUCCEEDED, FAILED or TIMED_OUT
     * @param finalStatus the server's last status, when it reported one
     * @param failure     why it did not succeed
     * @param messages    the server's messages, when read with the decision
     * @param warnings    notes for job.json
     */
    public record End(GpPhase result, GpJobStatus finalStatus, GpFailure failure, JsonNode messages,
                      List<String> warnings) {

        public End {
            warnings = List.copyOf(warnings);
        }

        public static End succeeded(List<String> warnings) {
            return new End(GpPhase.SUCCEEDED, null, null, null, warnings);
        }

        public static End failed(GpFailure failure) {
            return new End(GpPhase.FAILED, null, failure, null, List.of());
        }

        public static End failed(GpJobStatus finalStatus, GpFailure failure, JsonNode messages) {
            return new End(GpPhase.FAILED, finalStatus, failure, messages, List.of());
        }

        public static End timedOut(GpJobStatus finalStatus, GpFailure failure, JsonNode messages) {
            return new End(GpPhase.TIMED_OUT, finalStatus, failure, messages, List.of());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GpJobLifecycle.class);
    private static final Map<GpPhase, Set<GpPhase>> MOVES = new EnumMap<>(GpPhase.class);

    static {
        MOVES.put(GpPhase.SUBMITTING, EnumSet.of(GpPhase.RUNNING, GpPhase.DOWNLOADING, GpPhase.FAILED,
                GpPhase.COMPLETING));
        MOVES.put(GpPhase.RUNNING, EnumSet.of(GpPhase.RUNNING, GpPhase.DOWNLOADING, GpPhase.COMPLETING));
        MOVES.put(GpPhase.DOWNLOADING, EnumSet.of(GpPhase.DOWNLOADING, GpPhase.COMPLETING));
        MOVES.put(GpPhase.COMPLETING, EnumSet.of(GpPhase.COMPLETING, GpPhase.SUCCEEDED, GpPhase.FAILED,
                GpPhase.TIMED_OUT));
        for (GpPhase phase : GpPhase.values()) {
            MOVES.putIfAbsent(phase, EnumSet.noneOf(GpPhase.class));
        }
    }

    private final GpJobStore store;
    private final ProducerTemplate producer;
    private final GisMetrics metrics;
    private final Clock clock;
    /** The stop's time is up: nothing more is recorded; the next start repeats whatever was cut short. */
    private volatile boolean cut;

    public GpJobLifecycle(GpJobStore store, ProducerTemplate producer, GisMetrics metrics, Clock clock) {
        this.store = store;
        this.producer = producer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Whether a job in phase {@code from} may move to {@code to}. */
    static boolean allowed(GpPhase from, GpPhase to) {
        return MOVES.get(from).contains(to);
    }

    /**
     * Records a job about to be submitted.
     *
     * @throws GpStepException {@code duplicate} when the same content was dropped for the same job declaration and
     *                         that job is still in progress or succeeded
     */
    public GpJobRecord record(NewJob job) {
        requireRunning();
        String id = UUID.randomUUID().toString().replace("-", "");
        if (!store.insert(id, job.spec(), job.inputName(), job.inputPath(), job.inputSha256(), job.input(),
                clock.millis(), job.deadlineAt())) {
            throw duplicate(job);
        }
        return store.find(id).orElseThrow();
    }

    /** The server accepted the job; it is polled from {@code firstPollAt} on. */
    public GpJobRecord submitted(GpJobRecord job, String serverJobId, GpJobStatus status, long firstPollAt) {
        requirePhase(job, GpPhase.SUBMITTING);
        long now = clock.millis();
        return move(job, GpPhase.RUNNING, new Change().set(Column.SERVER_JOB_ID, serverJobId)
                .set(Column.SUBMITTED_AT, now).set(Column.NEXT_POLL_AT, firstPollAt).status(status, now));
    }

    /** A synchronous execution returned: its results are written next. */
    public GpJobRecord executed(GpJobRecord job, JsonNode results, JsonNode messages) {
        requirePhase(job, GpPhase.SUBMITTING);
        long now = clock.millis();
        return move(job, GpPhase.DOWNLOADING, new Change().set(Column.SYNC_EXECUTION, true)
                .set(Column.SUBMITTED_AT, now).set(Column.NEXT_POLL_AT, now).set(Column.RESULTS, results)
                .set(Column.MESSAGES, messages).status(GpJobStatus.SUCCEEDED, now));
    }

    /**
     * The drop failed before the server accepted the job: the job ends as failed and gives up its duplicate key.
     * Its input goes to {@code failed/} beside the drop's error file, which says why.
     */
    public void rejected(GpJobRecord job, GpFailure failure) {
        move(job, GpPhase.FAILED, new Change().set(Column.OUTCOME, GpPhase.FAILED.name())
                .set(Column.FAILURE, failure.toJson())
                .set(Column.FINISHED_AT, clock.millis()).set(Column.LIVE_KEY, null));
    }

    /** A status request answered; the error streak ends. */
    public GpJobRecord polled(GpJobRecord job, GpJobStatus status, String progress, Long executingSince,
                              long nextPollAt) {
        requirePhase(job, GpPhase.RUNNING);
        return move(job, GpPhase.RUNNING, new Change().set(Column.POLL_COUNT, job.pollCount() + 1)
                .set(Column.ERROR_COUNT, 0).set(Column.PROGRESS, progress).set(Column.EXECUTING_SINCE, executingSince)
                .set(Column.NEXT_POLL_AT, nextPollAt).status(status, clock.millis()));
    }

    /** The server reports success and its results: outputs are written next. */
    public GpJobRecord succeededOnServer(GpJobRecord job, JsonNode results, JsonNode messages) {
        requirePhase(job, GpPhase.RUNNING);
        long now = clock.millis();
        return move(job, GpPhase.DOWNLOADING, new Change().set(Column.RESULTS, results).set(Column.MESSAGES, messages)
                .set(Column.ERROR_COUNT, 0).set(Column.NEXT_POLL_AT, now).status(GpJobStatus.SUCCEEDED, now));
    }

    /** A step failed in a way that may pass: the job stays where it is and is looked at again at {@code at}. */
    public GpJobRecord retryLater(GpJobRecord job, long at) {
        return move(job, job.phase(), new Change().set(Column.ERROR_COUNT, job.errorCount() + 1)
                .set(Column.NEXT_POLL_AT, at));
    }

    /** One output written in full; the store keeps it once, so a resumed download skips it. */
    public void outputWritten(GpJobRecord job, GpOutputRecord output) {
        requireRunning();
        requirePhase(job, GpPhase.DOWNLOADING);
        store.insertOutput(job.id(), output);
    }

    /** The job's end is decided; it is completed at once, and again after a restart until that is done. */
    public GpJobRecord decide(GpJobRecord job, End end) {
        long now = clock.millis();
        Change change = new Change().set(Column.OUTCOME, end.result().name())
                .set(Column.WARNINGS, GpJobStore.warningsJson(end.warnings())).set(Column.NEXT_POLL_AT, now);
        if (end.failure() != null) {
            change.set(Column.FAILURE, end.failure().toJson());
        }
        if (end.messages() != null) {
            change.set(Column.MESSAGES, end.messages());
        }
        if (end.finalStatus() != null) {
            change.status(end.finalStatus(), now);
        }
        return move(job, GpPhase.COMPLETING, change);
    }

    /**
     * Step of the poller: writes the job's report ({@code job.log}, {@code job.json}), moves its input to
     * {@code done/} or {@code failed/} (with the error file), and records its end.
     */
    public GpJobRecord complete(GpJobRecord job) throws IOException {
        try (LogContext.Scope ignored = LogContext.gpJob(job.id())) {
            requirePhase(job, GpPhase.COMPLETING);
            GpPhase result = job.outcome().orElseThrow(() -> new IllegalStateException(job.describe()
                    + " is completing without an outcome"));
            GpFailure failure = job.failure().orElse(null);
            List<GpStatusChange> history = store.history(job.id());
            List<GpOutputRecord> outputs = store.outputs(job.id());
            GpOutbox outbox = GpOutbox.forUri(job.spec().output(), producer);
            outbox.write(job.outputFolder(), GpReport.JOB_LOG, GpReport.jobLog(job, job.messages()));
            outbox.write(job.outputFolder(), GpReport.JOB_JSON, GpReport.jobJson(job, result, history, outputs,
                    job.warnings(), failure));
            requireRunning();
            GpInputFiles.finish(job, failure, clock);
            Change end = new Change().set(Column.FINISHED_AT, clock.millis()).set(Column.NEXT_POLL_AT, Long.MAX_VALUE);
            if (result != GpPhase.SUCCEEDED) {
                end.set(Column.LIVE_KEY, null);
            }
            GpJobRecord ended = move(job, result, end);
            if (result == GpPhase.SUCCEEDED) {
                metrics.gpOutputsComplete(sinceServerSuccess(history));
                LOG.info("{}: done, {} files in {}", job.describe(), outputs.size() + 2, job.outputFolder());
            } else {
                LOG.warn("{}: {}: {}", job.describe(), result == GpPhase.TIMED_OUT ? "timed out" : "failed",
                        failure == null ? "no reason recorded" : failure.reason());
            }
            return ended;
        }
    }

    /**
     * Takes up the stored jobs at start-up: a submission under way when an application that started before
     * {@code startedAt} stopped has an unknown outcome on the server, so it is not sent again but ends as failed;
     * every other job in progress is due at once.
     */
    public int resume(long startedAt) {
        for (GpJobRecord job : store.inPhase(GpPhase.SUBMITTING, startedAt)) {
            decide(job, End.failed(GpFailure.of("submit GP job", "the application stopped while this job was "
                    + "being submitted; the server may have received it, so it is not sent again: check the server, "
                    + "then drop the file again if needed", "submit-outcome-unknown", List.of())));
        }
        int resumed = store.makeDue(EnumSet.of(GpPhase.RUNNING, GpPhase.DOWNLOADING, GpPhase.COMPLETING),
                clock.millis());
        if (resumed > 0) {
            LOG.info("Resuming {} GP jobs from the job store", resumed);
        }
        return resumed;
    }

    /** The stop's time is up: work still under way may go on, but none of its outcomes is recorded any more. */
    void cut() {
        cut = true;
    }

    boolean isCut() {
        return cut;
    }

    /** From the status read that saw the job succeed (kept in its history, across restarts) until now. */
    private Duration sinceServerSuccess(List<GpStatusChange> history) {
        long now = clock.millis();
        long seen = history.stream().filter(change -> change.status().isSuccess()).mapToLong(GpStatusChange::at)
                .max().orElse(now);
        return Duration.ofMillis(now - seen);
    }

    private GpJobRecord move(GpJobRecord job, GpPhase to, Change change) {
        requireRunning();
        if (!allowed(job.phase(), to)) {
            throw new IllegalStateException(job.describe() + " cannot go from " + job.phase() + " to " + to);
        }
        if (!store.update(job.id(), job.phase(), change.set(Column.PHASE, to.name()))) {
            throw new IllegalStateException(job.describe() + " is no longer " + job.phase() + " in the job store ("
                    + store.find(job.id()).map(j -> j.phase().name()).orElse("gone") + ")");
        }
        return store.find(job.id()).orElseThrow();
    }

    private static void requirePhase(GpJobRecord job, GpPhase phase) {
        if (job.phase() != phase) {
            throw new IllegalStateException(job.describe() + " is " + job.phase() + ", not " + phase);
        }
    }

    private void requireRunning() {
        if (cut) {
            throw new IllegalStateException("the application is stopping; the next start takes the job up again");
        }
    }

    private GpStepException duplicate(NewJob job) {
        GpJobRecord first = store.holderOf(job.spec().name(), job.inputSha256()).orElseThrow(() ->
                new IllegalStateException("the job store refused " + job.inputName() + " as a duplicate of no job"));
        boolean succeeded = first.phase() == GpPhase.SUCCEEDED;
        return new GpStepException(GpFailure.of("check duplicate", job.inputName() + " has the same content as "
                + first.inputName() + ", dropped " + GpJson.time(first.createdAt()) + " as job "
                + first.serverJobId().orElse(first.id()) + ", which " + (succeeded ? "has succeeded" : "is still in progress")
                + "; it is not submitted again", "duplicate", List.of()));
    }
}
