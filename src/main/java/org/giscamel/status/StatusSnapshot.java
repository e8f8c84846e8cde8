package org.giscamel.status;

import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpOutputRecord;
import org.giscamel.gp.GpPhase;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the status page shows, read at one moment.
 *
 * @param jobCounts   every job in the store by phase (the page lists only the newest)
 * @param jobsProblem why the jobs could not be listed (no job store in this application, or the store failed); or null
 * @param runsProblem why the harvest reports could not be listed; or null
 */
public record StatusSnapshot(Instant takenAt, Map<GpPhase, Long> jobCounts, List<JobEntry> jobs, String jobsProblem,
                             Path reportDir, List<HarvestRunSummary> runs, String runsProblem) {

    /**
     * One job and its outputs.
     *
     * @param outputsServable the outputs lie in a local folder, so map images can be shown as thumbnails
     */
    public record JobEntry(GpJobRecord job, List<GpOutputRecord> outputs, boolean outputsServable) {
    }

    public long jobTotal() {
        return jobCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
