package org.giscamel.status;

import org.giscamel.config.GisSettings;

import java.time.Duration;

/**
 * The {@code gis.status.*} keys of the operator status page.
 *
 * @param jobsShown how many of the newest GP jobs are listed
 * @param runsShown how many of the newest harvest runs are listed, all sources together
 * @param refresh   how often the browser reloads the page; zero = never
 */
public record StatusSettings(boolean enabled, int jobsShown, int runsShown, Duration refresh) {

    public static StatusSettings from(GisSettings settings) {
        Duration refresh = settings.duration("gis.status.refresh", Duration.ofSeconds(10));
        if (refresh.isNegative()) {
            settings.problem("gis.status.refresh must not be negative but is " + refresh);
            refresh = Duration.ZERO;
        }
        return new StatusSettings(settings.bool("gis.status.enabled", true),
                settings.integer("gis.status.jobs-shown", 50, 1, 1000),
                settings.integer("gis.status.runs-shown", 20, 1, 1000),
                refresh);
    }
}
