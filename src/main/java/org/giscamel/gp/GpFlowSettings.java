package org.giscamel.gp;

import org.giscamel.config.GisSettings;
import org.giscamel.gp.input.GpInputSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code gis.gp.*} settings the flow's Java reads, checked once. Per-job options (task, inbox, output,
 * deadline, map image) are declared in the job's {@code templatedRoute}; the YAML reads the folder and file-lock
 * keys itself.
 *
 * @param storeUrl                JDBC URL of the job store
 * @param pollMinInterval         delay before a job's first status request
 * @param pollMaxInterval         the longest gap between two status requests of one job
 * @param pollBackoff             each quiet poll multiplies the gap by this, up to the maximum
 * @param statusRequestsPerSecond cap on status requests to one server, whatever the number of jobs
 * @param resultsAttempts         reads of a succeeded job that may lack its {@code results} before giving up
 * @param wps                     how dropped files reach WPS processes
 */
public record GpFlowSettings(String storeUrl, String storeUsername, String storePassword,
                             Duration pollMinInterval, Duration pollMaxInterval, double pollBackoff,
                             double statusRequestsPerSecond, Duration defaultDeadline,
                             int pollThreads, int downloadThreads, int resultsAttempts, GpInputSettings input,
                             WpsSettings wps) {

    public static GpFlowSettings from(GisSettings settings) {
        Path dataDir = settings.folder("gis.gp.data-dir", "data");
        // WRITE_DELAY=0: H2 otherwise keeps commits in memory for up to 500 ms, and a kill -9 would forget a
        // job that the server already runs.
        String storeUrl = settings.string("gis.gp.store-url",
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("gp-jobs") + ";WRITE_DELAY=0");
        String storeUsername = settings.string("gis.gp.store-username", "");
        String storePassword = storeUsername.isEmpty() ? ""
                : settings.requiredSecret("gis.gp.store-password", "because gis.gp.store-username is set");
        Duration min = settings.duration("gis.gp.poll-min-interval", Duration.ofSeconds(1));
        Duration max = settings.duration("gis.gp.poll-max-interval", Duration.ofSeconds(30));
        if (max.compareTo(min) < 0) {
            settings.problem("gis.gp.poll-max-interval (" + max + ") must not be shorter than gis.gp.poll-min-interval ("
                    + min + ")");
        }
        // read by the YAML (folders, timer period and file read lock); checked here so a bad value names its key
        settings.folder("gis.gp.inbox", "inbox/gp");
        settings.folder("gis.gp.outbox", "outbox/gp");
        settings.duration("gis.gp.poll-tick", Duration.ofMillis(200));
        settings.duration("gis.gp.read-lock-check-interval", Duration.ofSeconds(1));
        settings.duration("gis.gp.read-lock-min-age", Duration.ofSeconds(1));
        int maxFeatureMegabytes = settings.integer("gis.gp.max-feature-file-megabytes",
                (int) (GpInputSettings.DEFAULT_MAX_FEATURE_FILE_BYTES >> 20), 1, 2048);
        // Each job declares the spatial reference of its GeoJSON inputs (parameter inputWkid).
        GpInputSettings input = new GpInputSettings(
                GpInputSettings.parseExtensions(settings.string("gis.gp.upload-extensions",
                        GpInputSettings.DEFAULT_UPLOAD_EXTENSIONS)),
                (long) maxFeatureMegabytes << 20, GpInputSettings.DEFAULT_WKID);
        return new GpFlowSettings(storeUrl, storeUsername, storePassword, min, max,
                settings.decimal("gis.gp.poll-backoff", 2.0, 1.0, 10.0),
                settings.decimal("gis.gp.max-status-requests-per-second", 100, 0.1, 10_000),
                settings.duration("gis.gp.deadline", Duration.ofHours(2)),
                settings.integer("gis.gp.poll-threads", 4, 1, 256),
                settings.integer("gis.gp.download-threads", 2, 1, 64),
                settings.integer("gis.gp.results-attempts", 5, 1, 100),
                input, WpsSettings.from(settings));
    }
}
