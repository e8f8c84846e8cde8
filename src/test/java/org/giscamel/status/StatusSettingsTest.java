package org.giscamel.status;

import org.giscamel.config.GisSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusSettingsTest {

    private static GisSettings settings(Map<String, String> values) {
        return new GisSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void unsetKeysTakeTheirDefaults() {
        GisSettings gis = settings(Map.of());
        assertEquals(new StatusSettings(true, 50, 20, Duration.ofSeconds(10)), StatusSettings.from(gis));
        assertEquals(List.of(), gis.problems());
    }

    @Test
    void aWrongValueIsAProblemNamingItsKey() {
        GisSettings gis = settings(Map.of("gis.status.jobs-shown", "0", "gis.status.refresh", "-5s",
                "gis.status.enabled", "yes"));
        StatusSettings.from(gis);
        assertEquals(List.of("gis.status.refresh must not be negative but is PT-5S",
                "gis.status.enabled must be true or false but is 'yes'",
                "gis.status.jobs-shown must be between 1 and 1000 but is 0"), gis.problems());
    }
}
