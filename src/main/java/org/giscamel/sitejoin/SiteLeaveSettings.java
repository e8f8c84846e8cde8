package org.giscamel.sitejoin;

import org.giscamel.config.GisSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code gis.site-leave.*} keys. The site is {@code gis.arcgis.*}; the calls take {@code gis.site-join.call-timeout}
 * and the waiting asks again every {@code gis.site-join.poll-interval}, as the join's do.
 *
 * @param stopDeadline how long the machine may take to reach STOPPED after machines/<name>/stop
 */
public record SiteLeaveSettings(Path inbox, Path reportDir, Duration stopDeadline) {

    public static SiteLeaveSettings from(GisSettings settings) {
        return new SiteLeaveSettings(
                settings.folder("gis.site-leave.inbox", "inbox/site-leave"),
                settings.folder("gis.site-leave.report-dir", "reports/site-leave"),
                SiteJoinSettings.positive(settings, "gis.site-leave.stop-deadline", Duration.ofMinutes(5)));
    }
}
