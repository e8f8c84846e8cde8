package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.giscamel.gp.GpJobLifecycle.End;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The poller route's steps ({@code gis-gp-poller}): which jobs of the store are due, one status read of a running
 * job, and what a failed step means for its job. Every outcome goes through {@link GpJobLifecycle}, which writes
 * the job's next look to the store, so a restart resumes them all.
 *
 * <p>Status requests send {@code returnMessages=false}; once the status code reaches 4 or more one final read
 * fetches the messages (and the {@code results}, read again while missing). A status request that fails in a way
 * that may pass (5xx, resets, timeouts, a rejected token) is not repeated at once: the job's next poll, after a
 * growing delay and within the per-server cap, is the retry, until the job's deadline. At the deadline the job is
 * cancelled on the server if its state allows and ends as timed out.
 */
public final class GpPoller {

    private static final Logger LOG = LoggerFactory.getLogger(GpPoller.class);
    /** Due jobs read per tick beyond those in flight; the rest wait for the next tick. */
    private static final int BATCH = 64;
    private static final Set<GpPhase> WORKED = EnumSet.of(GpPhase.RUNNING, GpPhase.DOWNLOADING, GpPhase.COMPLETING);

    private final GpJobStore store;
    private final GpJobLifecycle jobs;
    private final GpBackends backends;
    private final GpRateLimiter limiter;
    private final GpPollSchedule schedule;
    private final int resultsAttempts;
    private final GisMetrics metrics;
    private final Clock clock;
    /** Jobs whose step is under way: a job is worked by one step at a time, however long it takes. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean started;
    /** The application is stopping: no more work is taken. */
    private volatile boolean draining;

    public GpPoller(GpJobStore store, GpJobLifecycle jobs, GpBackends backends, GpRateLimiter limiter,
                    GpPollSchedule schedule, int resultsAttempts, GisMetrics metrics, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.backends = backends;
        this.limiter = limiter;
        this.schedule = schedule;
        this.resultsAttempts = resultsAttempts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Takes up the jobs in the store ({@link GpJobLifecycle#resume}); the poller works from now on. */
    void start(long startedAt) {
        jobs.resume(startedAt);
        started = true;
    }

    /** The application is stopping: no more work is taken; what is under way carries on. */
    void drain() {
        draining = true;
    }

    /**
     * Step: the jobs to work on now, the longest waiting first: running jobs as far as the per-server cap on
     * status requests allows, succeeded ones to download, decided ones to complete. Each is in flight until
     * {@link #release}.
     */
    public List<GpJobRecord> dueJobs() {
        if (!started || draining) {
            return List.of();
        }
        List<GpJobRecord> taken = new ArrayList<>();
        for (GpJobRecord job : store.due(WORKED, clock.millis(), inFlight.size() + BATCH)) {
            if (inFlight.contains(job.id())
                    || job.phase() == GpPhase.RUNNING && !limiter.tryAcquire(job.spec().taskUrl())) {
                continue;
            }
            inFlight.add(job.id());
            taken.add(job);
        }
        return taken;
    }

    /** Step, however the job's step ended: the job may be taken again once it is due. */
    public void release(GpJobRecord job) {
        inFlight.remove(job.id());
    }

    /** Jobs being worked right now; for the stop, tests and the benchmark. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Step: one status read of a running job (the final one fetches messages and results), or its deadline. */
    public GpJobRecord poll(GpJobRecord job) {
        try (LogContext.Scope ignored = LogContext.gpJob(job.id())) {
            long now = clock.millis();
            if (now >= job.deadlineAt()) {
                return timeOut(job);
            }
            boolean finalRead = job.status().map(GpJobStatus::stopsPolling).orElse(false);
            GpBackend.JobState reply;
            try {
                reply = backends.of(job.spec()).read(job, finalRead);
            } catch (GisServerException e) {
                return retryable(e) ? retryLater(job, e)
                        : jobs.decide(job, End.failed(GpFailure.from(e, "read GP job status")));
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
                return jobs.polled(job, status, seen, executingSince,
                        now + schedule.next(job.pollCount() + 1, remaining));
            }
            if (!finalRead) {
                return jobs.polled(job, status, seen, job.executingSince(), now);
            }
            if (status.isSuccess()) {
                return succeeded(job, reply);
            }
            JsonNode messages = reply.messages();
            return jobs.decide(job, End.failed(status, GpFailure.of("run GP job", "the job ended "
                    + status.wireName() + " (status code " + status.code() + ")", "job-" + kebab(status),
                    serverMessages(messages)), messages));
        }
    }

    /**
     * doCatch of the poller route: what gis-errors did not retry away. Where trying again may help (the server or
     * the store may come back, before the job's deadline) the job is looked at again after a growing delay; else
     * it ends as failed. Nothing is recorded once the stop has cut the work short.
     */
    public void stepFailed(Exchange exchange) {
        GpJobRecord seen = exchange.getIn().getBody(GpJobRecord.class);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        try (LogContext.Scope ignored = LogContext.gpJob(seen.id())) {
            if (jobs.isCut()) {
                return;
            }
            Optional<GpJobRecord> current = store.find(seen.id()).filter(j -> !j.phase().isFinished());
            if (current.isEmpty()) {
                return;
            }
            GpJobRecord job = current.get();
            if (job.phase() == GpPhase.DOWNLOADING && !(mayPass(e) && clock.millis() < job.deadlineAt())) {
                jobs.decide(job, End.failed(GpFailure.from(e, "write GP outputs")));
                return;
            }
            retryLater(job, e);
        }
    }

    /** The final read of a succeeded job: outputs are written next, or the read repeats while results lag. */
    private GpJobRecord succeeded(GpJobRecord job, GpBackend.JobState reply) {
        JsonNode results = reply.results();
        JsonNode messages = reply.messages();
        if (results != null && results.isContainerNode() && !results.isEmpty()) {
            LOG.info("{}: succeeded; writing its outputs", job.describe());
            return jobs.succeededOnServer(job, results, messages);
        }
        if (job.errorCount() + 1 < resultsAttempts) {
            return jobs.retryLater(job, clock.millis() + schedule.retry(job.errorCount() + 1));
        }
        return jobs.decide(job, End.failed(GpJobStatus.SUCCEEDED, GpFailure.of("read GP job results",
                "the server reports success but listed no results in " + resultsAttempts + " reads",
                "no-results", serverMessages(messages)), messages));
    }

    /** The deadline passed: cancel where the server allows it (Waiting, Executing), and end as timed out. */
    private GpJobRecord timeOut(GpJobRecord job) {
        GpJobStatus status = job.status().orElse(null);
        JsonNode messages = null;
        String outcome;
        try {
            GpBackend backend = backends.of(job.spec());
            GpBackend.JobState reply = backend.read(job, true);
            status = reply.status();
            messages = reply.messages();
            if (status.isSuccess()) {
                return succeeded(job, reply); // it finished in time after all; its outputs are still wanted
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
        return jobs.decide(job, End.timedOut(status, GpFailure.of("wait for GP job", "the job's deadline "
                        + GpJson.time(job.deadlineAt()) + " passed before it ended; " + outcome, "deadline-passed",
                serverMessages(messages)), messages));
    }

    private GpJobRecord retryLater(GpJobRecord job, Exception e) {
        long delay = schedule.retry(job.errorCount() + 1);
        LOG.warn("{}: {} (attempt {}); trying again in {} ms", job.describe(), e.getMessage(), job.errorCount() + 1,
                delay);
        return jobs.retryLater(job, clock.millis() + delay);
    }

    /**
     * Failures of a download or a write that may pass: the server's transient ones and a rejected token, broken
     * streams and files, and the job store's own trouble. An unsafe output name or a malformed value would fail
     * again.
     */
    private static boolean mayPass(Exception e) {
        if (e instanceof GisServerException server) {
            return retryable(server);
        }
        return e instanceof IOException || e instanceof UncheckedIOException || e instanceof GpJobStore.StoreException;
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
