package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of one run of the join chain: what was asked, and one entry per step reached with its outcome,
 * reason or server messages, and duration. A retried step keeps one entry, its latest. Never holds a secret.
 */
public final class SiteJoinReport {

    /** The run as a whole. */
    public enum Outcome {
        /** Not finished and nothing failed yet. */
        RUNNING("running"),
        /** Finished, and at least one step changed something. */
        DONE("done"),
        /** Finished without changing anything: the machine was joined, clustered and started already. */
        ALREADY_DONE("already-done"),
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

    private final Instant startedAt;
    private final Map<Step, StepResult> steps = new EnumMap<>(Step.class);
    private String site;
    private String machine;
    private String machineName;
    private String cluster;
    private String siteVersion;
    private Instant finishedAt;

    public SiteJoinReport(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public synchronized void record(StepResult result) {
        steps.put(result.step(), result);
    }

    synchronized void site(String value) {
        site = value;
    }

    synchronized void machine(String value) {
        machine = value;
    }

    synchronized void machineName(String value) {
        machineName = value;
    }

    synchronized void cluster(String value) {
        cluster = value;
    }

    synchronized void siteVersion(String value) {
        siteVersion = value;
    }

    synchronized void finish(Instant at) {
        finishedAt = at;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public synchronized List<StepResult> steps() {
        return List.copyOf(steps.values());
    }

    public synchronized Optional<StepResult> step(Step step) {
        return Optional.ofNullable(steps.get(step));
    }

    public synchronized Optional<StepResult> failure() {
        return steps.values().stream().filter(s -> s.outcome() == StepOutcome.FAILED).findFirst();
    }

    public synchronized Optional<String> machineName() {
        return Optional.ofNullable(machineName);
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

    /** One line for logs and the command's output, e.g. "join-site failed: ..." or "done: ...". */
    public synchronized String summary() {
        Optional<StepResult> failed = failure();
        if (failed.isPresent()) {
            return "step '" + failed.get().step().label() + "' failed: " + failed.get().detail();
        }
        List<String> parts = new ArrayList<>();
        parts.add((machineName == null ? machine : machineName) + " in site " + site);
        if (cluster != null) {
            parts.add("cluster " + cluster);
        }
        step(Step.START_MACHINE).filter(s -> s.outcome() != StepOutcome.SKIPPED).ifPresent(s -> parts.add("STARTED"));
        return outcome().label() + ": " + String.join(", ", parts);
    }

    public synchronized ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("flow", "site-join");
        root.put("outcome", outcome().label());
        failure().ifPresent(f -> root.put("failedStep", f.step().label()).put("error", f.detail()));
        root.put("site", site);
        root.put("machine", machine);
        root.put("machineName", machineName);
        root.put("cluster", cluster);
        root.put("siteVersion", siteVersion);
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
        return root;
    }

    public String toJsonText() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }
}
