package org.giscamel.harvest;

import java.util.List;

/** The actions of one run, in a stable order (creates and updates by source order, then the registrations). */
public record HarvestPlan(List<PlannedItem> items, DeleteGuard guard) {

    public long count(Action action) {
        return items.stream().filter(item -> item.action() == action).count();
    }

    /** Whether the plan asks for any write. */
    public boolean changesSomething() {
        return items.stream().anyMatch(item -> item.action() == Action.CREATE || item.action() == Action.UPDATE
                || item.action() == Action.DELETE);
    }
}
