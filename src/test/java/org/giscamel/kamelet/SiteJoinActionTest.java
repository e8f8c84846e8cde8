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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code arcgis-site-join-action} from the classpath, sending to the chain of site-join.camel.yaml on the classpath. */
class SiteJoinActionTest {

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
    void theActionJoinsTheMachineAndRepliesWithTheReport() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.machineStartDelay = Duration.ofMillis(200);
        config.joinRestartWindow = Duration.ofMillis(300);
        config.joinPollAfterSeconds = 0;
        arcgis = ArcGisEmulator.start(config);
        camel = OneShotCamel.start(ConfigFiles.locate(), Map.of(
                        "gis.arcgis.url", arcgis.siteUrl(),
                        "gis.arcgis.username", config.username,
                        "gis.arcgis.password", config.password,
                        "gis.site-join.report-dir", dir.resolve("reports").toString(),
                        "gis.site-join.inbox", dir.resolve("inbox").toString(),
                        "gis.site-join.poll-interval", "20ms"),
                List.of(new SiteJoinBeans()),
                List.of("classpath:gis-camel-routes/site-join.camel.yaml", "classpath:kamelet-routes/site-join-action.camel.yaml"));

        Exchange reply = camel.producer().send("direct:join", exchange -> exchange.getMessage().setBody(
                "{\"machine\":\"" + arcgis.freshMachineUrl() + "\",\"cluster\":\"default\"}"));

        assertNull(reply.getException());
        JsonNode report = new ObjectMapper().readTree(reply.getMessage().getBody(String.class));
        assertEquals("site-join", report.path("flow").asText());
        assertEquals("STARTED", arcgis.site().machine("NODE2.EMULATOR.LOCAL").orElseThrow().realTimeState());
        assertTrue(Files.isRegularFile(Path.of(reply.getMessage().getHeader("GisSiteJoinReportFile", String.class))));
    }
}
