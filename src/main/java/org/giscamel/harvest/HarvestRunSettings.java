package org.giscamel.harvest;

import java.nio.file.Path;

/**
 * How every harvest run works, whatever the source.
 *
 * @param concurrency        parallel reads of service metadata and parallel writes to the portal
 * @param pageSize           registrations asked for per listing page (iPortal's own default is 9)
 * @param deleteGuardPercent a run that would delete more than this share of the owned registrations stops
 * @param reportDir          where each run writes its JSON report
 * @param reportsKept        reports kept per source; older ones are removed
 */
public record HarvestRunSettings(int concurrency, int pageSize, int deleteGuardPercent, Path reportDir,
                                 int reportsKept) {
}
