package org.giscamel.emulator.arcgis.gp;

import java.time.Duration;
import org.giscamel.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A BufferPoints job from submit to results, on a clock the test moves (1 s submitted, 1 s waiting, 5 s executing). */
class GpJobLifecycleTest {

    private final MutableClock clock = new MutableClock();
    private GpTestSite site;

    @BeforeEach
    void start() throws IOException {
        site = GpTestSite.start(settings(), clock);
    }

    private static GpSettings settings() {
        GpSettings settings = GpSettings.defaults();
        settings.spreadMillis = 0;
        settings.rasterWidth = 64;
        settings.rasterHeight = 48;
        return settings;
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private JsonNode status(String jobId) {
        return site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId);
    }

    private String succeededJob() {
        String jobId = site.submitBufferJob();
        clock.advance(Duration.ofMillis(7_000));
        return jobId;
    }

    private static List<String> descriptions(JsonNode job) {
        return StreamSupport.stream(job.get("messages").spliterator(), false).map(m -> m.get("description").asText()).toList();
    }

    @Test
    void submitJobAnswersAJobIdAndSubmitted() {
        JsonNode reply = site.post(GpTestSite.BUFFER_TASK + "/submitJob",
                Map.of("Input_Features", GpTestSite.POINTS, "Distance", GpTestSite.DISTANCE));
        assertTrue(reply.get("jobId").asText().matches("j[0-9a-f]{32}"), reply.toString());
        assertEquals("esriJobSubmitted", reply.get("jobStatus").asText());
    }

    @Test
    void jobGoesThroughSubmittedWaitingExecutingToSucceeded() {
        String jobId = site.submitBufferJob();
        JsonNode submitted = status(jobId);
        assertEquals("esriJobSubmitted", submitted.get("jobStatus").asText());
        assertEquals(List.of("Submitted."), descriptions(submitted));
        assertFalse(submitted.has("progress"));

        clock.advance(Duration.ofMillis(1_000));
        assertEquals("esriJobWaiting", status(jobId).get("jobStatus").asText());
        assertFalse(status(jobId).has("progress"));

        clock.advance(Duration.ofMillis(1_000));
        JsonNode executing = status(jobId);
        assertEquals("esriJobExecuting", executing.get("jobStatus").asText());
        assertEquals(List.of("Submitted.", "Executing..."), descriptions(executing));
        assertEquals("step", executing.at("/progress/type").asText());
        assertEquals(0, executing.at("/progress/percent").asInt());

        clock.advance(Duration.ofMillis(2_500));
        assertEquals(40, status(jobId).at("/progress/percent").asInt());

        clock.advance(Duration.ofMillis(2_500));
        JsonNode succeeded = status(jobId);
        assertEquals("esriJobSucceeded", succeeded.get("jobStatus").asText());
        assertFalse(succeeded.has("progress"));
        assertEquals(List.of("Submitted.", "Executing...", "Succeeded."), descriptions(succeeded));
    }

    @Test
    void jobsBeyondTheServiceInstancesWaitForAFreeProcessor() throws IOException {
        site.close();
        GpSettings settings = settings();
        settings.maxInstances = 1;
        site = GpTestSite.start(settings, clock);
        String first = site.submitBufferJob();
        String second = site.submitBufferJob();
        clock.advance(Duration.ofMillis(2_000));
        assertEquals("esriJobExecuting", status(first).get("jobStatus").asText());
        assertEquals("esriJobWaiting", status(second).get("jobStatus").asText());
        clock.advance(Duration.ofMillis(5_000));
        assertEquals("esriJobSucceeded", status(first).get("jobStatus").asText());
        assertEquals("esriJobExecuting", status(second).get("jobStatus").asText());
    }

    @ParameterizedTest(name = "results lag {0} reads")
    @ValueSource(ints = {0, 1, 3})
    void theFirstReadsAfterSuccessLackResultsAsTheSwitchSaysThenTheyAppear(int lagReads) {
        String jobId = succeededJob();
        site.config.variants.resultsLagReads = lagReads; // read per request: it applies to a job already run
        for (int read = 0; read < lagReads; read++) {
            JsonNode lacking = status(jobId);
            assertEquals("esriJobSucceeded", lacking.get("jobStatus").asText());
            assertFalse(lacking.has("results"), lacking.toString());
            assertTrue(lacking.has("inputs"));
        }
        JsonNode complete = status(jobId);
        for (String output : List.of("Output_Buffers", "Output_Raster", "Output_Report", "Output_Count")) {
            assertEquals("results/" + output, complete.at("/results/" + output + "/paramUrl").asText());
        }
        assertEquals("inputs/Distance", complete.at("/inputs/Distance/paramUrl").asText());
        assertTrue(status(jobId).has("results"), "results stay once they have appeared");
    }

    @Test
    void returnMessagesFalseSendsAnEmptyMessageList() {
        String jobId = site.submitBufferJob();
        JsonNode job = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "?returnMessages=false");
        assertTrue(job.get("messages").isArray());
        assertEquals(0, job.get("messages").size());
    }

    @Test
    void bufferResultWithReturnTypeDataHoldsAPolygonPerPointWithTheInputAttributes() {
        String jobId = succeededJob();
        JsonNode value = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "/results/Output_Buffers?returnType=data")
                .get("value");
        assertEquals("esriGeometryPolygon", value.get("geometryType").asText());
        assertFalse(value.get("exceededTransferLimit").asBoolean());
        assertEquals(2, value.get("features").size());
        JsonNode station = value.get("features").get(1);
        assertEquals("Station", station.at("/attributes/Name").asText());
        assertEquals(2, station.at("/attributes/ORIG_FID").asInt());
        assertEquals(500.0, station.at("/attributes/BUFF_DIST").asDouble());
        JsonNode ring = station.at("/geometry/rings/0");
        assertEquals(ring.get(0), ring.get(ring.size() - 1), "ring is closed");
        double north = StreamSupport.stream(ring.spliterator(), false).mapToDouble(p -> p.get(1).asDouble()).max().orElseThrow();
        assertEquals(34.80 + 500 / 111_319.49, north, 1e-6, "500 m north of the point");
    }

    @Test
    void featureAndRasterResultsAreMapImagesUnlessReturnTypeIsData() throws IOException {
        String jobId = succeededJob();
        for (String output : List.of("Output_Buffers", "Output_Raster")) {
            JsonNode mapImage = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "/results/" + output)
                    .at("/value/mapImage");
            assertEquals(400, mapImage.get("width").asInt(), output);
            assertTrue(mapImage.get("scale").asDouble() > 0);
            HttpResponse<byte[]> png = site.getBytes(mapImage.get("href").asText() + "?token=" + site.token);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertEquals(400, image.getWidth());
            assertEquals(400, image.getHeight());
        }
        JsonNode count = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "/results/Output_Count");
        assertEquals(2, count.get("value").asInt(), "literal results are never map images");
    }

    @Test
    void rasterResultUrlServesTheGeoTiffTheJobDescribes() throws Exception {
        String jobId = succeededJob();
        JsonNode value = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "/results/Output_Raster?returnType=data")
                .get("value");
        assertEquals("tif", value.get("format").asText());
        String url = value.get("url").asText();
        assertEquals(site.url("/arcgis/rest/directories/arcgisjobs/demo/bufferpoints_gpserver/" + jobId
                + "/scratch/buffer_raster.tif"), url);

        HttpResponse<byte[]> download = site.getBytes(url + "?token=" + site.token);
        assertEquals(200, download.statusCode());
        assertEquals("image/tiff", download.headers().firstValue("Content-Type").orElse(""));
        GpFile expected = site.job(jobId).outputFile("Output_Raster").orElseThrow();
        assertEquals(expected.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())));

        TiffTags tags = new TiffTags(download.body());
        assertEquals(64, tags.longs(256)[0]);
        assertEquals(48, tags.longs(257)[0]);
        assertTrue(tags.has(33550) && tags.has(33922) && tags.has(34735));
        double[] tiepoint = tags.doubles(33922);
        assertTrue(tiepoint[3] < -104.44 && tiepoint[4] > 34.83, "raster covers the buffers");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(download.body())));
    }

    @Test
    void reportResultIsADownloadableTextFile() {
        String jobId = succeededJob();
        String url = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "/results/Output_Report").at("/value/url").asText();
        HttpResponse<byte[]> report = site.getBytes(url + "?token=" + site.token);
        assertEquals(200, report.statusCode());
        assertTrue(new String(report.body(), StandardCharsets.UTF_8).contains("buffers: 2"));
    }

    @Test
    void inputsAreReadBack() {
        String jobId = succeededJob();
        JsonNode input = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "/inputs/Distance");
        assertEquals("GPLinearUnit", input.get("dataType").asText());
        assertEquals(500, input.at("/value/distance").asInt());
    }

    @Test
    void resultsOfAnUnfinishedJobAreAnError() {
        String jobId = site.submitBufferJob();
        JsonNode reply = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "/results/Output_Count");
        assertEquals(400, reply.at("/error/code").asInt());
    }

    @Test
    void filesOfAnUnfinishedJobAreNotThere() {
        String jobId = site.submitBufferJob();
        HttpResponse<byte[]> download = site.getBytes(site.url("/arcgis/rest/directories/arcgisjobs/demo/bufferpoints_gpserver/"
                + jobId + "/scratch/buffer_raster.tif?token=" + site.token));
        assertEquals(404, download.statusCode());
    }

    @Test
    void unknownJobIsAServicesErrorWithHttp200() {
        HttpResponse<String> reply = site.send(HttpRequest.newBuilder(URI.create(
                site.url(GpTestSite.BUFFER_TASK + "/jobs/j00000000000000000000000000000000?f=json&token=" + site.token)))
                .GET().build());
        assertEquals(200, reply.statusCode());
        assertEquals(400, GpTestSite.json(reply).at("/error/code").asInt());
    }

    @Test
    void jobsAreGoneOnceTheJobsDirectoryIsCleaned() {
        String jobId = site.submitBufferJob();
        clock.advance(Duration.ofMillis(site.gp.settings().jobRetentionMillis + 60_000));
        site.submitBufferJob();
        assertTrue(status(jobId).has("error"));
    }
}
