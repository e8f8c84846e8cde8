package org.giscamel.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GisSettingsTest {

    private static GisSettings settings(Map<String, String> values) {
        return new GisSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void everyWrongValueIsReportedAtOnceAndNamesItsKey() {
        GisSettings s = settings(Map.of("gis.observe.port", "99999", "gis.arcgis.url", "ftp://x", "gis.http.read-timeout", "soon"));
        s.port("gis.observe.port", 9876);
        s.httpUrl("gis.arcgis.url");
        s.duration("gis.http.read-timeout", Duration.ofSeconds(1));
        ConfigurationException e = assertThrows(ConfigurationException.class, s::requireValid);
        assertEquals(3, e.problems().size());
        assertTrue(e.getMessage().contains("gis.observe.port"));
        assertTrue(e.getMessage().contains("gis.arcgis.url"));
        assertTrue(e.getMessage().contains("gis.http.read-timeout"));
    }

    @Test
    void missingSecretPointsAtTheEnvironmentVariableWithoutShowingAnyValue() {
        GisSettings s = settings(Map.of());
        s.requiredSecret("gis.arcgis.password", "for ArcGIS Server");
        assertTrue(s.problems().get(0).contains("GIS_ARCGIS_PASSWORD"));
    }

    @Test
    void durationsAcceptUnitsAndIso() {
        assertEquals(Optional.of(Duration.ofMillis(500)), GisSettings.parseDuration("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), GisSettings.parseDuration("30s"));
        assertEquals(Optional.of(Duration.ofMinutes(5)), GisSettings.parseDuration("5m"));
        assertEquals(Optional.of(Duration.ofHours(2)), GisSettings.parseDuration("2h"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), GisSettings.parseDuration("PT90S"));
        assertEquals(Optional.empty(), GisSettings.parseDuration("later"));
    }

    @Test
    void urlsLoseTheirTrailingSlashAndMayNotCarryCredentials() {
        GisSettings s = settings(Map.of("a", "https://gis.example.com:6443/arcgis/", "b", "https://u:p@host/arcgis"));
        assertEquals(Optional.of("https://gis.example.com:6443/arcgis"), s.httpUrl("a"));
        assertEquals(Optional.empty(), s.httpUrl("b"));
        assertFalse(s.problems().get(0).contains("u:p"));
    }

    @Test
    void serverConnectionNeedsUserAndPasswordOnceItsUrlIsSet() {
        GisSettings s = settings(Map.of("gis.arcgis.url", "http://h/arcgis"));
        ServerConnections.from(s);
        assertEquals(2, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("gis.arcgis.username"));
        assertTrue(s.problems().get(1).startsWith("gis.arcgis.password"));
    }

    @Test
    void environmentNameFollowsCamelsRule() {
        assertEquals("GIS_HTTP_TRUST_STORE", GisSettings.environmentName("gis.http.trust-store"));
    }
}
