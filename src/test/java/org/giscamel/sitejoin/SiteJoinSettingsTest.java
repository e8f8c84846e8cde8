package org.giscamel.sitejoin;

import org.giscamel.config.GisSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteJoinSettingsTest {

    private static GisSettings settings(Map<String, String> values) {
        return new GisSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaultsSuitARealSite() {
        GisSettings gis = settings(Map.of());
        SiteJoinSettings join = SiteJoinSettings.from(gis);

        assertTrue(gis.problems().isEmpty(), gis.problems().toString());
        assertTrue(join.machine().isEmpty());
        assertEquals("", join.cluster());
        assertEquals(Duration.ofMinutes(5), join.restartDeadline());
        assertEquals(Duration.ofMinutes(6), join.callTimeout());
    }

    @Test
    void wrongValuesAreReportedWithTheirKeys() {
        GisSettings gis = settings(Map.of("gis.site-join.machine-url", "http://node2:6080/arcgis/admin",
                "gis.site-join.cluster", "my cluster", "gis.site-join.poll-interval", "0s",
                "gis.site-join.start-deadline", "soon"));

        SiteJoinSettings.from(gis);

        String problems = String.join("\n", gis.problems());
        assertTrue(problems.contains("gis.site-join.machine-url: the machine URL is the site root without /admin"), problems);
        assertTrue(problems.contains("gis.site-join.cluster: the cluster name may hold only"), problems);
        assertTrue(problems.contains("gis.site-join.poll-interval must be longer than zero"), problems);
        assertTrue(problems.contains("gis.site-join.start-deadline must be a duration"), problems);
    }

    @Test
    void aRequestTakesTheConfiguredClusterOnlyWhereItNamesNone() {
        SiteJoinSettings join = SiteJoinSettings.from(settings(Map.of("gis.site-join.cluster", "default",
                "gis.site-join.create-cluster", "true")));
        URI machine = URI.create("http://node2:6080/arcgis");

        SiteJoinRequest fromConfig = join.complete(SiteJoinRequest.of(machine));
        SiteJoinRequest own = join.complete(new SiteJoinRequest(machine, Optional.of(""), Optional.of(false)));

        assertEquals(Optional.of("default"), fromConfig.cluster());
        assertEquals(Optional.of(true), fromConfig.createCluster());
        assertEquals(Optional.of(""), own.cluster());
        assertEquals(Optional.of(false), own.createCluster());
    }

    @Test
    void adminUrlsOfOneMachineMatchWhateverTheirSpelling() {
        URI admin = URI.create("http://node2.example.com:80/arcgis/admin");

        assertTrue(SiteJoinSteps.sameUrl("HTTP://Node2.Example.com/arcgis/admin/", admin));
        assertTrue(!SiteJoinSteps.sameUrl("http://node2.example.com:6080/arcgis/admin", admin));
        assertTrue(!SiteJoinSteps.sameUrl("not a url", admin));
    }
}
