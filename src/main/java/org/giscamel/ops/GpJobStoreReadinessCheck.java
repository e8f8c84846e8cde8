package org.giscamel.ops;

import org.giscamel.gp.GpJobStore;

import java.time.Clock;

/** Ready when the GP job store answers a query; jobs cannot be recorded or resumed otherwise. */
final class GpJobStoreReadinessCheck extends ReadinessCheck {

    private final GpJobStore store;

    GpJobStoreReadinessCheck(GpJobStore store, ObserveSettings settings, Clock clock) {
        super("gis-gp-job-store", settings.readinessReuse(), clock);
        this.store = store;
    }

    @Override
    Finding probe() {
        long jobs = store.countByPhase().values().stream().mapToLong(Long::longValue).sum();
        return new Finding(true, "GP job store answers; it holds " + jobs + " jobs");
    }
}
