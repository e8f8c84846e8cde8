package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The job engine: creates jobs with their timeline fixed at submit time, keeps them until the jobs directory
 * would be cleaned, and hands out scripted outcomes ("the next 3 jobs fail"). Also the Java handle tests use.
 */
public final class GpJobs {

    private static final long PURGE_EVERY_MILLIS = 10_000;

    private final GpSettings settings;
    private final Clock clock;
    private final GpUploads uploads;
    private final Map<String, GpJob> jobs = new ConcurrentHashMap<>();
    private final Queue<GpOutcome> scripted = new ConcurrentLinkedQueue<>();
    /** Per service, the instants at which its busy job processors become free. */
    private final Map<String, PriorityQueue<Long>> processors = new HashMap<>();
    private volatile long lastPurge;

    public GpJobs(GpSettings settings, Clock clock, GpUploads uploads) {
        this.settings = settings;
        this.clock = clock;
        this.uploads = uploads;
    }

    /** Items uploaded to the services; tools read them when an input names an itemID. */
    public GpUploads uploads() {
        return uploads;
    }

    public long now() {
        return clock.millis();
    }

    /** The next {@code times} jobs (async or sync, any service) end with {@code outcome}. */
    public void scriptNext(GpOutcome outcome, int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(outcome);
        }
    }

    public void clearScript() {
        scripted.clear();
    }

    public Optional<GpJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    public Collection<GpJob> all() {
        return List.copyOf(jobs.values());
    }

    /** Submits a job. {@code submitted} holds the inputs as sent; omitted ones take their default values. */
    public GpJob submit(GpService service, GpTask task, Map<String, JsonNode> submitted) {
        long now = now();
        purgeExpired(now);
        String id = "j" + UUID.randomUUID().toString().replace("-", "");
        GpRun run = new GpRun(id, service.sync(), withDefaults(task, submitted), settings, uploads, service.name());
        List<String> errors = new ArrayList<>(missingRequired(task, run));
        if (errors.isEmpty()) {
            errors.addAll(task.tool().validate(run));
        }
        GpOutcome outcome = Optional.ofNullable(scripted.poll()).orElse(GpOutcome.SUCCEEDED);
        GpJob job = new GpJob(service, task, run, service.sync() ? new GpJob.Timeline(now, now, now, now)
                : timeline(service, now), outcome, errors, settings);
        jobs.put(id, job);
        return job;
    }

    private GpJob.Timeline timeline(GpService service, long now) {
        long waitingFrom = now + settings.submittedMillis;
        long ready = waitingFrom + settings.waitingMillis;
        long spread = settings.spreadMillis > 0 ? ThreadLocalRandom.current().nextLong(settings.spreadMillis + 1) : 0;
        long executing = Math.max(1, settings.executingMillis + spread);
        long start = ready;
        int instances = settings.maxInstances;
        if (instances > 0) {
            synchronized (processors) {
                PriorityQueue<Long> busyUntil = processors.computeIfAbsent(service.name(), k -> new PriorityQueue<>());
                while (busyUntil.size() >= instances) {
                    start = Math.max(start, busyUntil.poll());
                }
                busyUntil.add(start + executing);
            }
        }
        return new GpJob.Timeline(now, waitingFrom, start, start + executing);
    }

    private static Map<String, JsonNode> withDefaults(GpTask task, Map<String, JsonNode> submitted) {
        Map<String, JsonNode> inputs = new LinkedHashMap<>();
        for (GpParameter p : task.inputs()) {
            JsonNode value = submitted.get(p.name());
            inputs.put(p.name(), value != null ? value : p.defaultValue());
        }
        return inputs;
    }

    /** The geoprocessing framework's own check, before the tool runs (ERROR 000735). */
    private static List<String> missingRequired(GpTask task, GpRun run) {
        return task.inputs().stream()
                .filter(p -> p.required() && run.input(p.name()).isEmpty())
                .map(p -> "ERROR 000735: " + p.displayName() + ": Value is required")
                .toList();
    }

    private void purgeExpired(long now) {
        if (now - lastPurge < PURGE_EVERY_MILLIS) {
            return;
        }
        lastPurge = now;
        long oldest = now - settings.jobRetentionMillis;
        jobs.values().removeIf(job -> job.submittedAt() < oldest);
    }
}
