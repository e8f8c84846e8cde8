package org.giscamel.ops;

import org.giscamel.config.GisSettings;

import java.time.Duration;

/**
 * The {@code gis.observe.*} and {@code gis.log.*} keys that Java reads ({@code gis.observe.port} goes to Camel's
 * management server; {@code gis.log.format} is read by log4j and only checked here).
 *
 * @param readinessReuse   how long a readiness check's answer is served again before the server is asked anew
 * @param readinessTimeout how long a readiness check waits for a server's reply
 */
public record ObserveSettings(Duration readinessReuse, Duration readinessTimeout) {

    public static ObserveSettings from(GisSettings settings) {
        settings.port("gis.observe.port", 9876);
        settings.choice("gis.log.format", "text", "text", "json");
        return new ObserveSettings(settings.duration("gis.observe.readiness-reuse", Duration.ofSeconds(15)),
                settings.duration("gis.observe.readiness-timeout", Duration.ofSeconds(5)));
    }
}
