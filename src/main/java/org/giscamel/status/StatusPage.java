package org.giscamel.status;

import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads what the status page shows: the newest GP jobs from the job store and the newest harvest runs from their
 * reports. Read only; a store or folder that cannot be read becomes a line on the page, not a failed request.
 */
public final class StatusPage {

    /** Unreadable parts and failed writes listed per harvest run; the page counts the rest. */
    static final int ERRORS_PER_RUN = 5;
    private static final Logger LOG = LoggerFactory.getLogger(StatusPage.class);

    private final StatusSettings settings;
    private final Supplier<GpJobStore> store;
    private final HarvestReports reports;
    private final Clock clock;

    /**
     * @param store            the job store, looked up at each request; it may supply null (no GP flow here)
     * @param harvestReportDir where the harvest writes its run reports ({@code gis.harvest.report-dir})
     */
    public StatusPage(StatusSettings settings, Supplier<GpJobStore> store, Path harvestReportDir, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.reports = new HarvestReports(harvestReportDir, ERRORS_PER_RUN);
        this.clock = clock;
    }

    public StatusSnapshot snapshot() {
        Map<GpPhase, Long> counts = Map.of();
        List<StatusSnapshot.JobEntry> jobs = new ArrayList<>();
        String jobsProblem = null;
        GpJobStore jobStore = store.get();
        if (jobStore == null) {
            jobsProblem = "This application has no GP job store.";
        } else {
            try {
                counts = jobStore.countByPhase();
                for (GpJobRecord job : jobStore.newest(settings.jobsShown())) {
                    jobs.add(new StatusSnapshot.JobEntry(job, jobStore.outputs(job.id()),
                            MapImages.jobFolder(job).isPresent()));
                }
            } catch (RuntimeException e) {
                LOG.debug("Status page: the GP job store could not be read", e);
                jobs.clear();
                jobsProblem = "The GP job store could not be read: " + e.getMessage();
            }
        }
        List<HarvestRunSummary> runs = List.of();
        String runsProblem = null;
        try {
            runs = reports.newest(settings.runsShown());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Status page: the harvest reports could not be listed", e);
            runsProblem = "The harvest reports could not be listed: " + e.getMessage();
        }
        return new StatusSnapshot(clock.instant(), counts, jobs, jobsProblem, reports.dir(), runs, runsProblem);
    }

    public String html() {
        return StatusPageHtml.render(snapshot(), settings.refresh());
    }
}
