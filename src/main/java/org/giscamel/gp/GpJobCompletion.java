package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ProducerTemplate;
import org.giscamel.observe.GisMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Ends a job, in an order that a crash at any point repeats safely: the report files ({@code job.json},
 * {@code job.log}) first, then the input's move to {@code done/} or {@code failed/}, and last the store's record
 * that the job is finished. Until that record, a restart simply ends the job again.
 */
public final class GpJobCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(GpJobCompletion.class);

    private final GpJobStore store;
    private final GpInbox inbox;
    private final ProducerTemplate producer;
    private final GisMetrics metrics;
    private final Clock clock;

    public GpJobCompletion(GpJobStore store, GpInbox inbox, ProducerTemplate producer, GisMetrics metrics, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.producer = producer;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void succeeded(GpJobRecord job, List<String> warnings) throws IOException {
        List<GpOutputRecord> outputs = store.outputs(job.id());
        report(job, GpPhase.SUCCEEDED, job.messages(), warnings, null);
        inbox.finish(job, null);
        store.recordFinished(job.id(), GpPhase.SUCCEEDED, null, null);
        metrics.gpOutputsComplete(sinceServerSuccess(job));
        LOG.info("{}: done, {} files in {}", job.describe(), outputs.size() + 2, job.outputFolder());
    }

    /** From the status read that saw the job succeed (kept in its history, across restarts) until now. */
    private Duration sinceServerSuccess(GpJobRecord job) {
        long now = clock.millis();
        long seen = store.history(job.id()).stream().filter(change -> change.status().isSuccess())
                .mapToLong(GpStatusChange::at).max().orElse(now);
        return Duration.ofMillis(now - seen);
    }

    /**
     * @param phase    FAILED or TIMED_OUT
     * @param status   the server's final status, when it reported one
     * @param messages the server's messages, when read
     */
    public void failed(GpJobRecord job, GpPhase phase, GpJobStatus status, GpFailure failure, JsonNode messages)
            throws IOException {
        if (status != null) {
            store.recordStatus(job.id(), status);
        }
        report(job, phase, messages != null ? messages : job.messages(), List.of(), failure);
        inbox.finish(job, failure);
        store.recordFinished(job.id(), phase, failure, messages);
        LOG.warn("{}: {}: {}", job.describe(), phase == GpPhase.TIMED_OUT ? "timed out" : "failed", failure.reason());
    }

    private void report(GpJobRecord job, GpPhase phase, JsonNode messages, List<String> warnings, GpFailure failure)
            throws IOException {
        GpOutbox outbox = GpOutbox.forUri(job.spec().output(), producer);
        outbox.write(job.outputFolder(), GpReport.JOB_LOG, GpReport.jobLog(job, messages));
        outbox.write(job.outputFolder(), GpReport.JOB_JSON, GpReport.jobJson(job, phase, store.history(job.id()),
                store.outputs(job.id()), warnings, failure));
    }
}
