package org.giscamel.sitejoin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The report of one run of a site flow: its subject (a fixed list of fields, such as the site and the machine),
 * and one entry per step reached with its outcome, reason or server messages, and duration, in the flow's order.
 * A retried step keeps one entry, its latest. Never holds a secret.
 */
public class SiteReport {

    /** The run as a whole. */
    public enum Outcome {
        /** Not finished and nothing failed yet. */
        RUNNING("running"),
        /** Finished, and at least one step changed something. */
        DONE("done"),
        /** Finished without changing anything: what the flow does was found done already. */
        ALREADY_DONE("already-done"),
        /** A dry run: the plan was made and nothing was changed. */
        PLANNED("planned"),
        FAILED("failed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String flow;
    private final Instant startedAt;
    private final Map<SiteStep, StepResult> steps = new TreeMap<>(Comparator.comparingInt(SiteStep::ordinal));
    private final Map<String, String> fields = new LinkedHashMap<>();
    private Instant finishedAt;
    private String headline;

    /**
     * @param flow       the flow's name, e.g. {@code site-leave}; the report's {@code flow} field
     * @param fieldNames the subject's fields, shown in this order ({@code null} until a step sets them)
     */
    SiteReport(String flow, Instant startedAt, List<String> fieldNames) {
        this.flow = flow;
        this.startedAt = startedAt;
        fieldNames.forEach(name -> fields.put(name, null));
    }

    public String flow() {
        return flow;
    }

    public synchronized void record(StepResult result) {
        steps.put(result.step(), result);
    }

    synchronized void set(String field, String value) {
        if (!fields.containsKey(field)) {
            throw new IllegalArgumentException(flow + " reports have no field " + field);
        }
        fields.put(field, value);
    }

    public synchronized Optional<String> get(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** The sentence the summary gives for a run that did not fail, e.g. "NODE2 left the site". */
    synchronized void headline(String text) {
        headline = text;
    }

    synchronized void finish(Instant at) {
        finishedAt = at;
    }

    public Instant startedAt() {
        return startedAt;
    }

    synchronized boolean finished() {
        return finishedAt != null;
    }

    public synchronized List<StepResult> steps() {
        return List.copyOf(steps.values());
    }

    public synchronized Optional<StepResult> step(SiteStep step) {
        return Optional.ofNullable(steps.get(step));
    }

    public synchronized Optional<StepResult> failure() {
        return steps.values().stream().filter(s -> s.outcome() == StepOutcome.FAILED).findFirst();
    }

    public synchronized Outcome outcome() {
        if (failure().isPresent()) {
            return Outcome.FAILED;
        }
        if (finishedAt == null) {
            return Outcome.RUNNING;
        }
        boolean changed = steps.values().stream()
                .anyMatch(s -> s.step().bringsChange() && s.outcome() == StepOutcome.DONE);
        return changed ? Outcome.DONE : Outcome.ALREADY_DONE;
    }

    /** One line for logs and the commands' output: "step 'x' failed: ..." or "done: ...". */
    public synchronized String summary() {
        Optional<StepResult> failed = failure();
        if (failed.isPresent()) {
            return "step '" + failed.get().step().label() + "' failed: " + failed.get().detail();
        }
        return outcome().label() + (headline == null ? "" : ": " + headline);
    }

    public synchronized ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("flow", flow);
        root.put("outcome", outcome().label());
        failure().ifPresent(f -> root.put("failedStep", f.step().label()).put("error", f.detail()));
        fields.forEach(root::put);
        root.put("startedAt", startedAt.toString());
        if (finishedAt != null) {
            root.put("finishedAt", finishedAt.toString());
            root.put("durationMillis", Duration.between(startedAt, finishedAt).toMillis());
        }
        ArrayNode list = root.putArray("steps");
        steps.values().forEach(s -> {
            ObjectNode entry = list.addObject()
                    .put("step", s.step().label())
                    .put("outcome", s.outcome().label())
                    .put("detail", s.detail())
                    .put("attempts", s.attempts())
                    .put("durationMillis", s.duration().toMillis());
            s.server().ifPresent(answer -> {
                ObjectNode server = entry.putObject("server").put("httpStatus", answer.httpStatus());
                if (answer.code() != null) {
                    server.put("code", answer.code());
                }
                answer.messages().forEach(server.putArray("messages")::add);
            });
        });
        appendTo(root);
        return root;
    }

    /** What a flow's report shows after its steps, such as the reconcile's plan. */
    void appendTo(ObjectNode root) {
    }

    public String toJsonText() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }
}
