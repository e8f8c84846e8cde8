package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.imagery.Extent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One submitted job. Its state is a pure function of the clock and a few instants fixed at submit time (no thread
 * per job), so thousands of concurrent jobs cost a map entry each. Only a cancel request changes it afterwards.
 */
public final class GpJob {

    /** One entry of {@code messages}. */
    public record Message(String type, String description) {
        static final String INFO = "esriJobMessageTypeInformative";
        static final String ERROR = "esriJobMessageTypeError";

        public ObjectNode toJson() {
            return Json.object().put("type", type).put("description", description);
        }
    }

    /** Instants (epoch ms) at which the job enters each phase. */
    record Timeline(long submittedAt, long waitingFrom, long executingFrom, long endsAt) {
    }

    static final String UNEXPECTED_FAILURE = "ERROR 999999: Something unexpected caused the tool to fail. Contact Esri"
            + " Technical Support (http://esriurl.com/support) to Report a Bug, and refer to the error help for"
            + " potential solutions or workarounds.";

    private static final long NOT_CANCELLED = -1;

    private final String id;
    private final GpService service;
    private final GpTask task;
    private final GpRun run;
    private final Timeline timeline;
    private final GpOutcome outcome;
    private final List<String> errors;
    private final long cancellingMillis;
    private final int progressSteps;
    private final AtomicLong cancelRequestedAt = new AtomicLong(NOT_CANCELLED);
    private final AtomicInteger readsWithoutResults = new AtomicInteger();
    private volatile Map<String, GpOutput> outputs;

    GpJob(GpService service, GpTask task, GpRun run, Timeline timeline, GpOutcome outcome, List<String> errors,
          GpSettings settings) {
        this.id = run.jobId();
        this.service = service;
        this.task = task;
        this.run = run;
        this.timeline = timeline;
        this.outcome = errors.isEmpty() ? outcome : GpOutcome.FAILED;
        this.errors = errors;
        this.cancellingMillis = settings.cancellingMillis;
        this.progressSteps = Math.max(1, settings.progressSteps);
    }

    public String id() {
        return id;
    }

    public GpService service() {
        return service;
    }

    public GpTask task() {
        return task;
    }

    public boolean sync() {
        return run.sync();
    }

    public long submittedAt() {
        return timeline.submittedAt();
    }

    /** The outcome the job reaches after executing, unless a client cancels it first. */
    public GpOutcome outcome() {
        return outcome;
    }

    public EsriJobStatus status(long now) {
        long cancelAt = cancelRequestedAt.get();
        if (cancelAt != NOT_CANCELLED) {
            return now < cancelAt + cancellingMillis ? EsriJobStatus.CANCELLING : EsriJobStatus.CANCELLED;
        }
        if (now < timeline.waitingFrom()) {
            return EsriJobStatus.SUBMITTED;
        }
        if (now < timeline.executingFrom()) {
            return EsriJobStatus.WAITING;
        }
        if (now < timeline.endsAt()) {
            return EsriJobStatus.EXECUTING;
        }
        if (outcome == GpOutcome.CANCELLED && now < timeline.endsAt() + cancellingMillis) {
            return EsriJobStatus.CANCELLING;
        }
        return outcome.status();
    }

    /**
     * The real cancel rule (§5.10): only a waiting or executing job can be cancelled; returns false otherwise,
     * and the job then carries on untouched.
     */
    public boolean requestCancel(long now) {
        EsriJobStatus status = status(now);
        return (status == EsriJobStatus.WAITING || status == EsriJobStatus.EXECUTING)
                && cancelRequestedAt.compareAndSet(NOT_CANCELLED, now);
    }

    /** Step progress while executing, in {@code 100 / progressSteps} increments; empty in any other state. */
    public OptionalInt progressPercent(long now) {
        if (status(now) != EsriJobStatus.EXECUTING) {
            return OptionalInt.empty();
        }
        double fraction = (double) (now - timeline.executingFrom()) / (timeline.endsAt() - timeline.executingFrom());
        int step = Math.min(progressSteps - 1, (int) (fraction * progressSteps));
        return OptionalInt.of(step * 100 / progressSteps);
    }

    public String progressMessage(long now) {
        int percent = progressPercent(now).orElse(0);
        return "Executing " + task.displayName() + ": step " + (percent * progressSteps / 100 + 1) + " of " + progressSteps;
    }

    /** Messages at the level real services are usually published with: Submitted., Executing..., Succeeded. */
    public List<Message> messages(long now) {
        EsriJobStatus status = status(now);
        List<Message> list = new ArrayList<>();
        list.add(new Message(Message.INFO, "Submitted."));
        long cancelAt = cancelRequestedAt.get();
        long executedUntil = cancelAt == NOT_CANCELLED ? now : Math.min(now, cancelAt);
        if (executedUntil >= timeline.executingFrom()) {
            list.add(new Message(Message.INFO, "Executing..."));
        }
        switch (status) {
            case SUCCEEDED -> list.add(new Message(Message.INFO, "Succeeded."));
            case FAILED -> {
                (errors.isEmpty() ? List.of(UNEXPECTED_FAILURE) : errors)
                        .forEach(e -> list.add(new Message(Message.ERROR, e)));
                list.add(new Message(Message.ERROR, "Failed to execute (" + task.name() + ")."));
                list.add(new Message(Message.ERROR, "Failed."));
            }
            case TIMED_OUT -> list.add(new Message(Message.ERROR,
                    "The job exceeded the maximum time allowed for the service and was stopped."));
            case CANCELLED -> list.add(new Message(Message.INFO, "Cancel complete."));
            default -> {
            }
        }
        return list;
    }

    /** Error texts of a failed job, for a synchronous {@code execute} error reply. */
    List<String> errorDetails() {
        List<String> details = new ArrayList<>(errors.isEmpty() ? List.of(UNEXPECTED_FAILURE) : errors);
        details.add("Failed to execute (" + task.name() + ").");
        return details;
    }

    /**
     * The results-lag quirk, asked on each status read of the succeeded job: true for the first {@code lagReads}
     * of them.
     */
    boolean withholdResults(int lagReads) {
        return readsWithoutResults.getAndUpdate(n -> n < lagReads ? n + 1 : n) < lagReads;
    }

    /** Effective input values (defaults applied), by parameter name. */
    public Map<String, JsonNode> inputs() {
        return run.inputs();
    }

    /** Output values; runs the tool on first use. Only meaningful for a succeeded job. */
    public Map<String, GpOutput> outputs() {
        Map<String, GpOutput> result = outputs;
        if (result == null) {
            synchronized (this) {
                if (outputs == null) {
                    outputs = Map.copyOf(task.tool().run(run));
                }
                result = outputs;
            }
        }
        return result;
    }

    /** An output file by its name in the job's directory. */
    public Optional<GpFile> file(String fileName) {
        return outputs().values().stream()
                .map(o -> o instanceof GpOutput.Raster r ? r.file() : o instanceof GpOutput.DataFile d ? d.file() : null)
                .filter(f -> f != null && f.name().equals(fileName))
                .findFirst();
    }

    /** The file of an output parameter (raster or data file), e.g. for tests that check a download. */
    public Optional<GpFile> outputFile(String paramName) {
        GpOutput output = outputs().get(paramName);
        if (output instanceof GpOutput.Raster r) {
            return Optional.of(r.file());
        }
        return output instanceof GpOutput.DataFile d ? Optional.of(d.file()) : Optional.empty();
    }

    /** Where the drawable outputs lie; the world when there are none. */
    public Extent mapExtent() {
        return outputs().values().stream()
                .map(o -> o instanceof GpOutput.Features f ? f.extent() : o instanceof GpOutput.Raster r ? r.extent() : null)
                .filter(e -> e != null && !e.isEmpty())
                .reduce(Extent::union)
                .orElse(Extent.WORLD);
    }
}
