package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpJob;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.http.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.giscamel.gp.GpFlowHarness.fileNames;
import static org.giscamel.gp.GpFlowHarness.json;
import static org.giscamel.gp.GpFlowHarness.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An asynchronous task from drop to outbox: every output type, checked byte for byte against the server's. */
class GpAsyncJobTest {

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private GpFlowHarness flow;

    @BeforeEach
    void startEmulator() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
        flow = GpFlowHarness.start(dir, arcgis, List.of(GpFlowHarness.Job.buffer("buffers")
                .with("mapImage", "true").with("mapImageSize", "400,300")), Map.of());
    }

    @AfterEach
    void stop() {
        flow.close();
        arcgis.close();
    }

    @Test
    void everyOutputOfADroppedFileLandsInItsJobFolder() throws Exception {
        flow.drop("buffers", "points.geojson", POINTS);
        GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
        assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
        Path folder = flow.jobFolder("buffers", job);
        assertEquals(List.of("Output_Buffers.esri.json", "Output_Buffers.geojson", "buffer_raster.tif",
                "buffer_report.txt", "job.json", "job.log", "map.png", "results.json"), fileNames(folder));

        GpJob server = arcgis.gp().find(job.serverJobId().orElseThrow()).orElseThrow();
        assertEquals(server.outputFile("Output_Raster").orElseThrow().sha256(), sha256(folder.resolve("buffer_raster.tif")));
        assertEquals(server.outputFile("Output_Report").orElseThrow().sha256(), sha256(folder.resolve("buffer_report.txt")));
        assertEquals(2, json(folder.resolve("results.json")).at("/Output_Count/value").asInt());
        JsonNode buffers = json(folder.resolve("Output_Buffers.geojson"));
        assertEquals("FeatureCollection", buffers.path("type").asText());
        assertEquals("Polygon", buffers.at("/features/0/geometry/type").asText());
        assertEquals(2, buffers.path("features").size());
        assertEquals("esriGeometryPolygon", json(folder.resolve("Output_Buffers.esri.json")).path("geometryType").asText());
    }

    @Test
    void theMapImageIsTheResultMapServicesExportOfTheResultExtent() throws Exception {
        flow.drop("buffers", "points.geojson", POINTS);
        GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
        Path map = flow.jobFolder("buffers", job).resolve("map.png");
        BufferedImage image = ImageIO.read(map.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());

        String jobMap = arcgis.siteUrl() + "/rest/services/Demo/BufferPoints/MapServer/jobs/" + job.serverJobId().orElseThrow();
        String token = arcgis.tokens().issue("test", 60L).value();
        JsonNode extent = new ObjectMapper().readTree(get(jobMap + "?f=json&token=" + token)).path("fullExtent");
        byte[] expected = get(jobMap + "/export?f=image&format=png&transparent=false&size=400,300&bboxSR=4326&imageSR=4326"
                + "&bbox=" + extent.path("xmin").asDouble() + "," + extent.path("ymin").asDouble() + ","
                + extent.path("xmax").asDouble() + "," + extent.path("ymax").asDouble() + "&token=" + token);
        assertEquals(sha256(expected), sha256(map));
    }

    @Test
    void jobJsonListsTheInputTheStatusHistoryAndEachOutputWithSizeAndSha256() throws Exception {
        flow.drop("buffers", "points.geojson", POINTS);
        GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
        Path folder = flow.jobFolder("buffers", job);
        JsonNode report = json(folder.resolve("job.json"));
        assertEquals("SUCCEEDED", report.path("result").asText());
        assertEquals(job.serverJobId().orElseThrow(), report.path("serverJobId").asText());
        assertEquals(sha256(POINTS.getBytes(StandardCharsets.UTF_8)), report.at("/input/sha256").asText());
        assertEquals(500, report.at("/parameters/Distance/distance").asInt());
        JsonNode history = report.path("statusHistory");
        assertEquals("esriJobSubmitted", history.get(0).path("status").asText());
        assertEquals(4, history.get(history.size() - 1).path("code").asInt());
        assertEquals(6, report.path("outputs").size());
        for (JsonNode output : report.path("outputs")) {
            Path file = folder.resolve(output.path("file").asText());
            assertEquals(Files.size(file), output.path("size").asLong());
            assertEquals(sha256(file), output.path("sha256").asText());
        }
        String log = Files.readString(folder.resolve("job.log"));
        assertTrue(log.contains("INFO Succeeded."), log);
    }

    @Test
    void theInputEndsInDoneAndTheInboxIsEmpty() throws Exception {
        flow.drop("buffers", "points.geojson", POINTS);
        flow.awaitFinished("buffers", "points.geojson");
        assertTrue(Files.exists(flow.inbox("buffers").resolve("done/points.geojson")));
        assertFalse(Files.exists(flow.inbox("buffers").resolve("points.geojson")));
        assertEquals(List.of(), fileNames(flow.inbox("buffers").resolve("processing")));
    }

    @ParameterizedTest(name = "results lag {0} status reads")
    @ValueSource(ints = {0, 2})
    void resultsMissingFromTheReadsAfterSuccessAreReadAgainUntilTheyAppear(int lagReads) throws Exception {
        arcgis.config().variants.resultsLagReads = lagReads;
        flow.drop("buffers", "points.geojson", POINTS);
        GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
        assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
        Path folder = flow.jobFolder("buffers", job);
        assertTrue(Files.exists(folder.resolve("buffer_raster.tif")));
        assertEquals(2, json(folder.resolve("results.json")).at("/Output_Count/value").asInt());
    }

    @Test
    void resultsThatNeverAppearFailTheJobOnceTheReadsAreUsedUp() throws Exception {
        arcgis.config().variants.resultsLagReads = 1_000;
        flow.drop("buffers", "points.geojson", POINTS);
        GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
        assertEquals(GpPhase.FAILED, job.phase());
        GpFailure failure = job.failure().orElseThrow();
        assertEquals("no-results", failure.reasonCode());
        assertTrue(failure.reason().contains("listed no results in 5 reads"), failure.reason());
    }

    @Test
    void eachProgressChangeIsLoggedOnceWithTheJobsNameAndNoSecretIsLogged() throws Exception {
        List<String> progress;
        String everything;
        try (LogCapture log = LogCapture.debug("org.giscamel")) {
            flow.drop("buffers", "points.geojson", POINTS);
            flow.awaitFinished("buffers", "points.geojson");
            progress = log.lines().stream().filter(l -> l.contains("GpPoller") && l.contains("esriJob")).toList();
            everything = log.text();
        }
        assertTrue(progress.stream().anyMatch(l -> l.contains("GP job 'buffers' points.geojson")
                && l.contains("esriJobExecuting")), progress::toString);
        assertEquals(progress.size(), new HashSet<>(progress).size(), "each change once: " + progress);
        assertFalse(everything.contains(arcgis.config().password));
        assertFalse(everything.contains("token="), everything);
    }

    @Test
    void everyLineAboutTheJobCarriesTheIdItsJobJsonNames() throws Exception {
        List<LogCapture.Line> lines;
        try (LogCapture log = LogCapture.debug("org.giscamel.gp")) {
            flow.drop("buffers", "points.geojson", POINTS);
            flow.awaitFinished("buffers", "points.geojson");
            lines = log.linesWithMdc().stream().filter(l -> l.text().contains("GP job 'buffers' points.geojson")).toList();
        }
        GpJobRecord job = flow.finished("buffers", "points.geojson");
        String jobId = json(flow.jobFolder("buffers", job).resolve("job.json")).path("jobId").asText();
        assertEquals(job.id(), jobId);
        for (String logger : List.of("GpSubmitter", "GpPoller", "GpDownloader", "GpJobLifecycle")) {
            assertTrue(lines.stream().anyMatch(l -> l.text().contains("." + logger + " ")), logger + " logged: " + lines);
        }
        for (LogCapture.Line line : lines) {
            assertEquals(jobId, line.mdc().get("gis.gpJobId"), line.text());
        }
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
