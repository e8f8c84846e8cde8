package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report of one reconcile: the declaration, its steps, and the plan with what became of each of its steps: the
 * outcome of the join or leave that applied it, the step of that run which failed, and that run's own report.
 */
public final class SiteReconcileReport extends SiteReport {

    /** What became of one planned step. */
    public enum ItemOutcome {
        /** Planned, and not applied (yet, or at all in a dry run). */
        PLANNED("planned"),
        /** A step that changes nothing: the machine is as declared, or kept. */
        NOTHING_TO_DO("nothing-to-do"),
        DONE("done"),
        ALREADY_DONE("already-done"),
        FAILED("failed"),
        /** Not reached: an earlier step failed, and the reconcile stopped there. */
        NOT_REACHED("not-reached");

        private final String label;

        ItemOutcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A planned step and its outcome; the failed step, error and report are the applying run's. */
    public record Item(PlannedStep step, ItemOutcome outcome, Optional<String> failedStep, Optional<String> error,
                       Optional<Path> report) {
    }

    private final List<Item> items = new ArrayList<>();
    private boolean dryRun;

    SiteReconcileReport(Instant startedAt) {
        super("site-reconcile", startedAt, List.of("site", "declaration", "removeUndeclared", "dryRun"));
    }

    synchronized void dryRun(boolean value) {
        dryRun = value;
        set("dryRun", String.valueOf(value));
    }

    synchronized void plan(List<PlannedStep> plan) {
        items.clear();
        plan.forEach(step -> items.add(new Item(step, step.action().changesSite() || step.action() == PlannedStep.Action.CONFLICT
                ? ItemOutcome.PLANNED : ItemOutcome.NOTHING_TO_DO, Optional.empty(), Optional.empty(), Optional.empty())));
    }

    synchronized void outcome(int index, ItemOutcome outcome, Optional<String> failedStep, Optional<String> error,
                              Optional<Path> report) {
        items.set(index, new Item(items.get(index).step(), outcome, failedStep, error, report));
    }

    public synchronized List<Item> items() {
        return List.copyOf(items);
    }

    /** The planned steps that change the site. */
    public synchronized List<PlannedStep> changes() {
        return items.stream().map(Item::step).filter(s -> s.action().changesSite()).toList();
    }

    /** A finished dry run that did not fail is PLANNED: it changed nothing, whatever it found. */
    @Override
    public synchronized Outcome outcome() {
        Outcome outcome = super.outcome();
        return dryRun && finished() && outcome != Outcome.FAILED ? Outcome.PLANNED : outcome;
    }

    @Override
    void appendTo(ObjectNode root) {
        ArrayNode plan = root.putArray("plan");
        items.forEach(item -> {
            PlannedStep step = item.step();
            ObjectNode entry = plan.addObject()
                    .put("action", step.action().label())
                    .put("adminUrl", step.adminUrl())
                    .put("machineName", step.machineName())
                    .put("cluster", step.cluster())
                    .put("reason", step.reason())
                    .put("outcome", item.outcome().label());
            item.failedStep().ifPresent(f -> entry.put("failedStep", f));
            item.error().ifPresent(e -> entry.put("error", e));
            item.report().ifPresent(r -> entry.put("report", r.toString()));
        });
    }
}
