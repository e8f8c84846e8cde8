package org.giscamel.it;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar, started as a user starts it. */
class ApplicationJarIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void demoStartsTheEmulatorsReportsHealthyAndStopsCleanlyOnSigterm() throws Exception {
        int observePort = JarProcess.freePort();
        try (JarProcess app = JarProcess.start(List.of(
                "-Dgis.observe.port=" + observePort,
                "-Dgis.emulator.arcgis-port=0", "-Dgis.emulator.fresh-machine-port=0", "-Dgis.emulator.iportal-port=0"),
                List.of(), Map.of())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> health(observePort).contains("\"UP\""));
            String log = app.output();
            assertTrue(log.contains("ArcGIS Server emulator: site http://127.0.0.1:"), log);
            assertTrue(log.contains("iPortal emulator: http://127.0.0.1:"), log);
            int exit = app.stop();
            // The JVM reports a SIGTERM stop as 143 (128 + 15) once Camel's shutdown hook has finished.
            assertTrue(exit == 0 || exit == 143, "exit " + exit);
            assertTrue(app.output().contains("(gis-camel-routes) shutdown in"), app.output());
        }
    }

    @Test
    void aWrongValueStopsStartupWithAMessageThatNamesTheKey() throws Exception {
        JarProcess app = JarProcess.runToEnd(List.of("-Dgis.observe.port=not-a-port"), List.of(), Map.of());
        assertEquals(2, app.exitCode());
        assertTrue(app.output().contains("gis.observe.port must be a whole number but is 'not-a-port'"), app.output());
        assertFalse(app.output().contains("\tat org."), "a clear message, not a stack trace: " + app.output());
    }

    @Test
    void aConfiguredServerWithoutItsPasswordNamesTheEnvironmentVariable() throws Exception {
        JarProcess app = JarProcess.runToEnd(List.of(), List.of(),
                Map.of("GIS_ARCGIS_URL", "https://gis.example.com/arcgis", "GIS_ARCGIS_USERNAME", "admin"));
        assertEquals(2, app.exitCode());
        assertTrue(app.output().contains("GIS_ARCGIS_PASSWORD"), app.output());
    }

    private String health(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception notYet) {
            return "";
        }
    }
}
