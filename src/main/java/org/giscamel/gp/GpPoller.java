package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.observe.GisMetrics;
import org.giscamel.observe.LogContext;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.TokenRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Drives every job after submission, from the job store: the timer route calls {@link #pollDueJobs()}, which
 * hands each due job to a small pool: status requests (within the per-server cap) for running jobs, output
 * writing for succeeded ones. Each job's next look is written back to the store, so a restart resumes them all.
 *
 * <p>Status requests send {@code returnMessages=false}; once the status code reaches 4 or more one final read
 * fetches the messages (and the {@code results}, read again while missing). Failures that may pass (5xx, resets,
 * timeouts, a rejected token) are retried with backoff until the job's deadline; at the deadline the job is
 * cancelled on the server if its state allows and recorded as timed out.
 */
public final class GpPoller {

    private static final Logger LOG = LoggerFactory.getLogger(GpPoller.class);
    /** Due jobs read per tick beyond those in flight; the rest wait for the next tick. */
    private static final int BATCH = 64;

    private final GpJobStore store;
    private final GpBackends backends;
    private final GpDownloader downloader;
    private final GpJobCompletion completion;
    private final GpRateLimiter limiter;
    private final GpPollSchedule schedule;
    private final int resultsAttempts;
    private final GisMetrics metrics;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService polls;
    private volatile ExecutorService downloads;
    /** The application is stopping: no more work is taken. */
    private volatile boolean draining;
    /** The stop's time is up: work still under way is abandoned, and nothing more is recorded. */
    private volatile boolean cut;

    public GpPoller(GpJobStore store, GpBackends backends, GpDownloader downloader, GpJobCompletion completion,
                    GpRateLimiter limiter, GpPollSchedule schedule, int resultsAttempts, GisMetrics metrics,
                    Clock clock) {
        this.store = store;
        this.backends = backends;
        this.downloader = downloader;
        this.completion = completion;
        this.limiter = limiter;
        this.schedule = schedule;
        this.resultsAttempts = resultsAttempts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Takes up the jobs in the store: submissions a stop interrupted are reported (their outcome on the server is
     * unknown, so they are not sent again), every running or downloading job is due at once.
     *
     * @param startedAt when this application started: submissions recorded since are its own, in progress
     */
    public void start(ExecutorService polls, ExecutorService downloads, long startedAt) throws IOException {
        for (GpJobRecord job : store.interruptedSubmissions(startedAt)) {
            completion.failed(job, GpPhase.FAILED, null, GpFailure.of("submit GP job", "the application stopped "
                    + "while this job was being submitted; the server may have received it, so it is not sent again: "
                    + "check the server, then drop the file again if needed", "submit-outcome-unknown", List.of()), null);
        }
        int resumed = store.resumeAll(clock.millis());
        if (resumed > 0) {
            LOG.info("Resuming {} GP jobs from the job store", resumed);
        }
        this.polls = polls;
        this.downloads = downloads;
    }

    /** The application is stopping: no more work is taken; what is under way carries on, and its outcome is recorded. */
    public void drain() {
        draining = true;
    }

    /**
     * The stop's time is up: downloads under way give up at their next read and discard their partial file, and
     * no outcome is recorded from now on; the next start repeats whatever was cut short.
     */
    public void cut() {
        draining = true;
        cut = true;
        downloader.cut();
    }

    /** Timer step: dispatches the jobs that are due, within the status request cap. */
    public void pollDueJobs() {
        if (polls == null || draining) {
            return;
        }
        for (GpJobRecord job : store.due(clock.millis(), inFlight.size() + BATCH)) {
            if (inFlight.contains(job.id())) {
                continue;
            }
            if (job.phase() == GpPhase.DOWNLOADING) {
                dispatch(downloads, job, this::writeOutputs);
            } else if (limiter.tryAcquire(job.spec().taskUrl())) {
                dispatch(polls, job, this::poll);
            }
        }
    }

    /** Jobs being polled or written right now; for tests and the benchmark. */
    public int inFlight() {
        return inFlight.size();
    }

    private interface JobWork {
        void run(GpJobRecord job) throws IOException;
    }

    private void dispatch(ExecutorService pool, GpJobRecord job, JobWork work) {
        inFlight.add(job.id());
        try {
            pool.execute(() -> {
                try (LogContext.Scope ignored = LogContext.gpJob(job.id())) {
                    work.run(job);
                } catch (IOException | RuntimeException e) {
                    if (!cut) {
                        LOG.warn("{}: {}; trying again later", job.describe(), e.toString());
                        store.recordRetry(job.id(), clock.millis() + schedule.retry(job.errorCount() + 1));
                    }
                } finally {
                    inFlight.remove(job.id());
                }
            });
        } catch (RejectedExecutionException draining) {
            inFlight.remove(job.id());
        }
    }

    private void poll(GpJobRecord job) throws IOException {
        long now = clock.millis();
        if (now >= job.deadlineAt()) {
            timeOut(job);
            return;
        }
        boolean finalRead = job.status().map(GpJobStatus::stopsPolling).orElse(false);
        GpBackend.JobState reply;
        try {
            reply = backends.of(job.spec()).read(job, finalRead);
        } catch (GisServerException e) {
            if (retryable(e)) {
                retryLater(job, e);
            } else {
                fail(job, GpPhase.FAILED, null, GpFailure.from(e, "read GP job status"), null);
            }
            return;
        }
        metrics.gpStatusPolled();
        GpJobStatus status = reply.status();
        JsonNode progress = reply.progress();
        String seen = describe(status, progress);
        if (!seen.equals(job.progress())) {
            LOG.info("{}: {}", job.describe(), seen);
        }
        if (!status.stopsPolling()) {
            Long executingSince = job.executingSince();
            if (status == GpJobStatus.EXECUTING && executingSince == null) {
                executingSince = now;
            }
            OptionalLong remaining = progress.path("percent").canConvertToInt() && executingSince != null
                    ? GpPollSchedule.remaining(now - executingSince, progress.path("percent").asInt())
                    : OptionalLong.empty();
            store.recordPoll(job.id(), status, seen, executingSince, now + schedule.next(job.pollCount() + 1, remaining));
        } else if (!finalRead) {
            store.recordPoll(job.id(), status, seen, job.executingSince(), now);
        } else if (status.isSuccess()) {
            succeeded(job, reply);
        } else {
            JsonNode messages = reply.messages();
            fail(job, GpPhase.FAILED, status, GpFailure.of("run GP job", "the job ended "
                    + status.wireName() + " (status code " + status.code() + ")", "job-" + kebab(status),
                    serverMessages(messages)), messages);
        }
    }

    /** The final read of a succeeded job: outputs are written next, or the read repeats while results lag. */
    private void succeeded(GpJobRecord job, GpBackend.JobState reply) throws IOException {
        JsonNode results = reply.results();
        JsonNode messages = reply.messages();
        if (results != null && results.isContainerNode() && !results.isEmpty()) {
            store.recordServerSuccess(job.id(), results, messages);
            LOG.info("{}: succeeded; writing its outputs", job.describe());
        } else if (job.errorCount() + 1 < resultsAttempts) {
            store.recordRetry(job.id(), clock.millis() + schedule.retry(job.errorCount() + 1));
        } else {
            fail(job, GpPhase.FAILED, GpJobStatus.SUCCEEDED, GpFailure.of("read GP job results",
                    "the server reports success but listed no results in " + resultsAttempts + " reads",
                    "no-results", serverMessages(messages)), messages);
        }
    }

    /** The deadline passed: cancel where the server allows it (Waiting, Executing), and record a timeout. */
    private void timeOut(GpJobRecord job) throws IOException {
        GpJobStatus status = job.status().orElse(null);
        JsonNode messages = null;
        String outcome;
        try {
            GpBackend backend = backends.of(job.spec());
            GpBackend.JobState reply = backend.read(job, true);
            status = reply.status();
            messages = reply.messages();
            if (status.isSuccess()) {
                succeeded(job, reply); // it finished in time after all; its outputs are still wanted
                return;
            }
            Optional<GpJobStatus> after = status.canCancel() ? backend.cancel(job) : Optional.empty();
            if (after.isPresent()) {
                outcome = "cancel requested, the server answered " + after.get().wireName();
                status = after.get();
            } else if (status.canCancel()) {
                outcome = "not cancelled: the server's protocol has no cancel request";
            } else if (!status.stopsPolling()) {
                outcome = "not cancelled: the server cancels only waiting or executing jobs and this one is "
                        + status.wireName();
            } else {
                outcome = "it had ended " + status.wireName();
            }
        } catch (GisServerException e) {
            outcome = "could not cancel it: " + e.getMessage();
        }
        LOG.warn("{}: deadline passed; {}", job.describe(), outcome);
        fail(job, GpPhase.TIMED_OUT, status, GpFailure.of("wait for GP job", "the job's deadline "
                        + GpJson.time(job.deadlineAt()) + " passed before it ended; " + outcome, "deadline-passed",
                serverMessages(messages)), messages);
    }

    private void writeOutputs(GpJobRecord job) throws IOException {
        GpDownloader.Outcome outcome;
        try {
            outcome = downloader.download(job);
        } catch (GisServerException | UncheckedIOException | IOException e) {
            boolean mayPass = !(e instanceof GisServerException server) || retryable(server);
            if (mayPass && clock.millis() < job.deadlineAt()) {
                retryLater(job, e);
            } else {
                fail(job, GpPhase.FAILED, null, GpFailure.from(e, "write GP outputs"), null);
            }
            return;
        } catch (GpJobStore.StoreException e) {
            throw e; // the store's trouble, not the job's: the job is looked at again later
        } catch (RuntimeException e) {
            fail(job, GpPhase.FAILED, null, GpFailure.from(e, "write GP outputs"), null); // repeating would not help
            return;
        }
        if (outcome.problems().isEmpty()) {
            succeed(job, outcome.warnings());
        } else {
            fail(job, GpPhase.FAILED, null, GpFailure.of("write GP outputs",
                    String.join("; ", outcome.problems()), "output-not-written", List.of()), null);
        }
    }

    /** Ends a job as failed, unless its work was cut by the stop (the next start looks at the job again). */
    private void fail(GpJobRecord job, GpPhase phase, GpJobStatus status, GpFailure failure, JsonNode messages)
            throws IOException {
        if (!cut) {
            completion.failed(job, phase, status, failure, messages);
        }
    }

    private void succeed(GpJobRecord job, List<String> warnings) throws IOException {
        if (!cut) {
            completion.succeeded(job, warnings);
        }
    }

    private void retryLater(GpJobRecord job, Exception e) {
        if (cut) {
            return;
        }
        long delay = schedule.retry(job.errorCount() + 1);
        LOG.warn("{}: {} (attempt {}); trying again in {} ms", job.describe(), e.getMessage(), job.errorCount() + 1,
                delay);
        store.recordRetry(job.id(), clock.millis() + delay);
    }

    /** 5xx, resets, timeouts, and a token the server still rejects after the token service's one renewal. */
    private static boolean retryable(GisServerException e) {
        return e.isTransient() || e instanceof TokenRejectedException;
    }

    /** {@code esriJobExecuting 40% Executing Buffer Points: step 3 of 5}: what changes is logged once. */
    static String describe(GpJobStatus status, JsonNode progress) {
        StringBuilder text = new StringBuilder(status.wireName());
        if (progress.path("percent").canConvertToInt()) {
            text.append(' ').append(progress.path("percent").asInt()).append('%');
        }
        if (progress.path("message").isTextual() && !progress.path("message").asText().isBlank()) {
            text.append(' ').append(progress.path("message").asText());
        }
        return text.toString();
    }

    /** The error and warning messages, or all of them when there are none. */
    static List<String> serverMessages(JsonNode messages) {
        List<String> important = new ArrayList<>();
        List<String> all = new ArrayList<>();
        if (messages != null) {
            for (JsonNode m : messages) {
                String text = m.path("description").asText();
                all.add(text);
                String type = m.path("type").asText();
                if (type.endsWith("Error") || type.endsWith("Warning") || type.endsWith("Abort")) {
                    important.add(text);
                }
            }
        }
        return important.isEmpty() ? all : important;
    }

    /** {@code esriJobTimedOut} → {@code timed-out}. */
    private static String kebab(GpJobStatus status) {
        return status.wireName().replaceFirst("^esriJob", "").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
