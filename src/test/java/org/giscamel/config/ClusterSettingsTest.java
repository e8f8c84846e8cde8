package org.giscamel.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterSettingsTest {

    private static GisSettings settings(Map<String, String> values) {
        return new GisSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void offByDefaultWithANodeIdThatNamesHostAndProcess() {
        GisSettings settings = settings(Map.of());
        ClusterSettings cluster = ClusterSettings.from(settings);
        assertFalse(cluster.enabled());
        assertTrue(cluster.nodeId().endsWith("-" + ProcessHandle.current().pid()), cluster.nodeId());
        assertEquals(Duration.ofSeconds(30), cluster.lease());
        assertEquals(List.of(), settings.problems());
    }

    @Test
    void enabledOnH2StopsStartUpNamingTheStoreKey() {
        GisSettings settings = settings(Map.of("gis.cluster.enabled", "true"));
        ClusterSettings.from(settings);
        assertEquals(1, settings.problems().size());
        String problem = settings.problems().get(0);
        assertTrue(problem.contains("gis.cluster.enabled") && problem.contains("gis.gp.store-url")
                && problem.contains("PostgreSQL"), problem);
    }

    @Test
    void enabledOnPostgresqlIsValidAndTakesTheConfiguredNameAndLease() {
        GisSettings settings = settings(Map.of("gis.cluster.enabled", "true", "gis.cluster.node-id", "node-a",
                "gis.cluster.lease", "10s", "gis.gp.store-url", "jdbc:postgresql://db/gis"));
        ClusterSettings cluster = ClusterSettings.from(settings);
        assertEquals(List.of(), settings.problems());
        assertTrue(cluster.enabled());
        assertEquals("node-a", cluster.nodeId());
        assertEquals(Duration.ofSeconds(10), cluster.lease());
    }

    @Test
    void storeUrlInTheProblemLeavesOutItsQueryWhereCredentialsMayBe() {
        GisSettings settings = settings(Map.of("gis.cluster.enabled", "true",
                "gis.gp.store-url", "jdbc:h2:file:/data/gp?password=secret"));
        ClusterSettings.from(settings);
        assertFalse(settings.problems().get(0).contains("secret"), settings.problems().get(0));
    }
}
