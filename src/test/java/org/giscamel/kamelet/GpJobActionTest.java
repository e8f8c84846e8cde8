package org.giscamel.kamelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpOutcome;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.gp.GpBeans;
import org.giscamel.gp.GpStepException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code arcgis-gp-job-action} from the classpath, with the GP flow's beans and poller, against the ArcGIS emulator. */
class GpJobActionTest {

    static final String POINTS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"Name": "Station 1"}, "geometry": {"type": "Point", "coordinates": [-117.18, 34.05]}},
              {"type": "Feature", "properties": {"Name": "Station 2"}, "geometry": {"type": "Point", "coordinates": [-117.15, 34.06]}}]}
            """;
    private static final String ROUTE = "classpath:kamelet-routes/gp-job-action.camel.yaml";
    private static final String POLLER = "classpath:gis-camel-routes/gp-job-template.camel.yaml";
    private static final String SUBMIT = ".*/BufferPoints/GPServer/BufferPoints/submitJob";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private OneShotCamel camel;

    @BeforeEach
    void startEmulator() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        arcgis.close();
    }

    @Test
    void theReplyIsTheManifestOfTheFinishedJobWithEachOutputsSizeAndHash() throws Exception {
        start(List.of(POLLER, ROUTE));

        Exchange reply = send(POINTS, "points.geojson");

        assertEquals(null, reply.getException());
        JsonNode manifest = JSON.readTree(reply.getMessage().getBody(String.class));
        assertEquals("kamelet-buffer", manifest.path("job").asText());
        assertEquals("SUCCEEDED", manifest.path("result").asText());
        assertEquals("points.geojson", manifest.path("input").path("file").asText());
        Path folder = Path.of(reply.getMessage().getHeader(GpJobAction.OUTPUT_FOLDER, String.class));
        assertTrue(folder.startsWith(dir.resolve("outbox").resolve("kamelet-buffer")), folder.toString());
        assertFalse(manifest.path("outputs").isEmpty());
        for (JsonNode output : manifest.path("outputs")) {
            byte[] written = Files.readAllBytes(folder.resolve(output.path("file").asText()));
            assertEquals(output.path("size").asLong(), written.length);
            assertEquals(output.path("sha256").asText(), sha256(written));
        }
        assertEquals(1, files(dir.resolve("inbox").resolve("kamelet-buffer").resolve("done")).size());
    }

    @Test
    void aJobThatFailsOnTheServerRaisesItsReasonAndItsInputGoesToFailed() throws Exception {
        start(List.of(POLLER, ROUTE));
        arcgis.gp().scriptNext(GpOutcome.FAILED, 1);

        Exchange reply = send(POINTS, "points.geojson");

        GpStepException failure = assertInstanceOf(GpStepException.class, reply.getException());
        assertEquals("job-failed", failure.failure().reasonCode());
        assertTrue(failure.getMessage().contains("esriJobFailed"), failure.getMessage());
        Path failed = dir.resolve("inbox").resolve("kamelet-buffer").resolve("failed");
        assertTrue(files(failed).stream().anyMatch(name -> name.endsWith(".error.json")), files(failed).toString());
    }

    @Test
    void anInputTheTaskCannotTakeFailsBeforeAnythingIsSubmitted() throws Exception {
        start(List.of(POLLER, ROUTE));

        Exchange reply = send("{\"type\": \"FeatureCollection\", ", "broken.geojson");

        assertTrue(reply.getException() != null);
        assertEquals(0, arcgis.requests().count("POST", SUBMIT));
        JsonNode error = JSON.readTree(dir.resolve("inbox").resolve("kamelet-buffer").resolve("failed")
                .resolve(files(dir.resolve("inbox").resolve("kamelet-buffer").resolve("failed")).stream()
                        .filter(name -> name.endsWith(".error.json")).findFirst().orElseThrow()).toFile());
        assertEquals("broken.geojson", error.path("file").asText());
        assertEquals("read input", error.path("step").asText());
    }

    @Test
    void theSameInputAgainRepliesWithTheEarlierJobAndSubmitsNothing() throws Exception {
        start(List.of(POLLER, ROUTE));
        Exchange first = send(POINTS, "points.geojson");

        Exchange again = send(POINTS, "points-again.geojson");

        assertEquals(null, again.getException());
        assertEquals(first.getMessage().getHeader(GpJobAction.JOB_ID),
                again.getMessage().getHeader(GpJobAction.JOB_ID));
        assertEquals(first.getMessage().getBody(String.class), again.getMessage().getBody(String.class));
        assertEquals(1, arcgis.requests().count("POST", SUBMIT));
    }

    @Test
    void withoutThePollerRouteTheActionRefusesAndSaysWhichFileToLoad() throws Exception {
        start(List.of(ROUTE));

        Exchange reply = send(POINTS, "points.geojson");

        assertInstanceOf(IllegalStateException.class, reply.getException());
        assertTrue(reply.getException().getMessage().contains("gp-job-template.camel.yaml"),
                reply.getException().getMessage());
        assertEquals(0, arcgis.requests().count("POST", SUBMIT));
    }

    private void start(List<String> routeFiles) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gis.arcgis.url", arcgis.siteUrl());
        p.put("gis.arcgis.username", arcgis.config().username);
        p.put("gis.arcgis.password", arcgis.config().password);
        p.put("gis.gp.inbox", dir.resolve("inbox").toString());
        p.put("gis.gp.outbox", dir.resolve("outbox").toString());
        p.put("gis.gp.data-dir", dir.resolve("data").toString());
        p.put("gis.gp.poll-tick", "25ms");
        p.put("gis.gp.poll-min-interval", "50ms");
        p.put("gis.gp.poll-max-interval", "200ms");
        p.put("gis.retry.initial-delay", "20ms");
        p.put("gis.retry.max-retries", "2");
        camel = OneShotCamel.start(ConfigFiles.locate(), p, List.of(new GpBeans()), routeFiles);
    }

    private Exchange send(String body, String fileName) {
        return camel.producer().send("direct:buffer", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(Exchange.FILE_NAME, fileName);
        });
    }

    private static List<String> files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
