package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar gis-camel-routes.jar join-site ...} against an ArcGIS emulator started in this JVM. */
class SiteJoinCommandIT {

    @TempDir
    Path reports;

    private static ArcGisEmulator emulator() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.machineStartDelay = Duration.ofMillis(200);
        config.joinRestartWindow = Duration.ofMillis(300);
        config.joinPollAfterSeconds = 0;
        return ArcGisEmulator.start(config);
    }

    private JarProcess joinSite(ArcGisEmulator arcgis, String password) throws Exception {
        return JarProcess.runToEnd(
                List.of("-Dgis.site-join.report-dir=" + reports, "-Dgis.site-join.poll-interval=50ms"),
                List.of("join-site", "--machine", arcgis.freshMachineUrl(), "--site", arcgis.siteUrl(), "--cluster", "default"),
                Map.of("GIS_ARCGIS_USERNAME", arcgis.config().username, "GIS_ARCGIS_PASSWORD", password));
    }

    @Test
    void joinSiteExitsZeroWithTheMachineInTheClusterStartedAndAReport() throws Exception {
        try (ArcGisEmulator arcgis = emulator()) {
            JarProcess app = joinSite(arcgis, arcgis.config().password);

            assertEquals(0, app.exitCode(), app.output());
            ArcGisSite.MachineState node = arcgis.site().machine("NODE2.EMULATOR.LOCAL").orElseThrow();
            assertEquals("default", node.clusterName());
            assertEquals("STARTED", node.realTimeState());
            assertTrue(app.output().contains("join-site done: NODE2.EMULATOR.LOCAL in site " + arcgis.siteUrl()), app.output());
            try (Stream<Path> files = Files.list(reports)) {
                Path report = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
                JsonNode json = new ObjectMapper().readTree(Files.readString(report));
                assertEquals("done", json.path("outcome").asText());
                assertFalse(Files.readString(report).contains(arcgis.config().password));
            }
        }
    }

    @Test
    void aWrongPasswordExitsNonZeroWithTheStepAndNoPasswordInTheOutput() throws Exception {
        try (ArcGisEmulator arcgis = emulator()) {
            JarProcess app = joinSite(arcgis, "wrong-secret-1234");

            assertEquals(1, app.exitCode(), app.output());
            assertTrue(app.output().contains("join-site failed at step 'check-membership': generate ArcGIS admin token "
                    + "failed: Unable to generate token.; Invalid username or password."), app.output());
            assertFalse(app.output().contains("wrong-secret-1234"), app.output());
            assertFalse(arcgis.site().isMember("NODE2.EMULATOR.LOCAL"));
        }
    }
}
