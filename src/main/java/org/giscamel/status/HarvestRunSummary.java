package org.giscamel.status;

import org.giscamel.harvest.HarvestCounts;

import java.time.Instant;
import java.util.List;

/**
 * What the status page shows of one harvest run, read from its JSON report.
 *
 * @param reportName      the report's file name in {@code gis.harvest.report-dir}
 * @param status          SUCCEEDED, PARTIAL, STOPPED, FAILED; UNREADABLE when the report itself could not be read
 * @param reason          why the run did not succeed, or null
 * @param counts          null when the report could not be read
 * @param unreadable      the first parts of the source that could not be read ({@code part: reason})
 * @param unreadableCount all of them
 * @param itemErrors      the first failed writes ({@code ACTION service: error})
 * @param itemErrorCount  all of them
 */
public record HarvestRunSummary(String reportName, String source, Instant startedAt, Instant finishedAt,
                                boolean dryRun, boolean forced, String status, String reason, HarvestCounts counts,
                                List<String> unreadable, int unreadableCount, List<String> itemErrors,
                                int itemErrorCount) {

    public static final String UNREADABLE = "UNREADABLE";

    public HarvestRunSummary {
        unreadable = List.copyOf(unreadable);
        itemErrors = List.copyOf(itemErrors);
    }

    /** A report that exists but cannot be read (cut short, not JSON): the page says so instead of hiding the run. */
    static HarvestRunSummary unreadableReport(String reportName, String source, Instant startedAt, String why) {
        return new HarvestRunSummary(reportName, source, startedAt, null, false, false, UNREADABLE,
                "the report could not be read: " + why, null, List.of(), 0, List.of(), 0);
    }
}
