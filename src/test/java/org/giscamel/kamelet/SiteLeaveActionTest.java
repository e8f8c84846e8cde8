package org.giscamel.kamelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.sitejoin.SiteJoinBeans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code arcgis-site-leave-action} from the classpath, sending to the chain of site-leave.camel.yaml on the classpath:
 * NODE3, the only started machine of cluster maps, leaves only through the instance with {@code force: true}.
 */
class SiteLeaveActionTest {

    private static final String NODE3 = "NODE3.EMULATOR.LOCAL";

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private OneShotCamel camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        if (arcgis != null) {
            arcgis.close();
        }
    }

    @Test
    void theGuardHoldsUnlessTheKameletIsForcedAndTheReplyIsTheReport() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.machineStartDelay = Duration.ofMillis(200);
        config.machineStopDelay = Duration.ofMillis(200);
        config.joinRestartWindow = Duration.ofMillis(300);
        config.joinPollAfterSeconds = 0;
        config.freshMachines = 2;
        arcgis = ArcGisEmulator.start(config);
        camel = OneShotCamel.start(ConfigFiles.locate(), Map.of(
                        "gis.arcgis.url", arcgis.siteUrl(),
                        "gis.arcgis.username", config.username,
                        "gis.arcgis.password", config.password,
                        "gis.site-join.report-dir", dir.resolve("join").toString(),
                        "gis.site-leave.report-dir", dir.resolve("leave").toString(),
                        "gis.site-join.poll-interval", "20ms"),
                List.of(new SiteJoinBeans()),
                List.of("classpath:gis-camel-routes/site-join.camel.yaml", "classpath:gis-camel-routes/site-leave.camel.yaml",
                        "classpath:kamelet-routes/site-leave-action.camel.yaml"));
        Exchange joined = camel.producer().send("direct:site-join", exchange -> exchange.getMessage().setBody(
                "{\"machine\":\"" + arcgis.freshMachineUrl(1) + "\",\"cluster\":\"maps\",\"createCluster\":true}"));
        assertNull(joined.getException());
        String request = "{\"machineName\":\"" + NODE3 + "\"}";

        Exchange guarded = camel.producer().send("direct:leave", exchange -> exchange.getMessage().setBody(request));
        Exchange forced = camel.producer().send("direct:force-leave", exchange -> exchange.getMessage().setBody(request));

        assertNotNull(guarded.getException());
        assertTrue(guarded.getException().getMessage().contains("only started machine of cluster maps"),
                guarded.getException().getMessage());
        assertNull(forced.getException());
        JsonNode report = new ObjectMapper().readTree(forced.getMessage().getBody(String.class));
        assertEquals("site-leave", report.path("flow").asText());
        assertEquals("done", report.path("outcome").asText());
        assertFalse(arcgis.site().isMember(NODE3));
        assertTrue(Files.isRegularFile(Path.of(forced.getMessage().getHeader("GisSiteLeaveReportFile", String.class))));
    }
}
