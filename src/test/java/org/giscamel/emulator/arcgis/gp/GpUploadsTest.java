package org.giscamel.emulator.arcgis.gp;

import java.time.Duration;
import org.giscamel.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.GeoTiffWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code uploads/upload} and inputs given as {@code {"itemID":..}}. */
class GpUploadsTest {

    private final MutableClock clock = new MutableClock();
    private GpTestSite site;

    @BeforeEach
    void start() throws IOException {
        GpSettings settings = GpSettings.defaults();
        settings.spreadMillis = 0;
        site = GpTestSite.start(settings, clock);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private JsonNode upload(String service, String fileName, byte[] content) {
        String boundary = "----gp-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\njson\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nfrom a test\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return GpTestSite.json(site.send(HttpRequest.newBuilder(URI.create(site.url(GpTestSite.SERVICES + service
                        + "/GPServer/uploads/upload?token=" + site.token)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()));
    }

    private static byte[] tiff() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GeoTiffWriter(30, 20, new Extent(0, 0, 3, 2), (row, target, offset) -> target[offset] = (byte) row).writeTo(out);
        return out.toByteArray();
    }

    private JsonNode finishedJob(String task, Map<String, String> inputs) {
        String jobId = site.post(task + "/submitJob", inputs).get("jobId").asText();
        clock.advance(Duration.ofMillis(10_000));
        return site.get(task + "/jobs/" + jobId);
    }

    @Test
    void uploadAnswersACommittedItemThatCanBeReadBack() throws IOException {
        JsonNode reply = upload("Demo/RasterInfo", "lake.tif", tiff());
        assertTrue(reply.get("success").asBoolean());
        String itemId = reply.at("/item/itemID").asText();
        assertTrue(itemId.matches("i[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), itemId);
        assertTrue(reply.at("/item/committed").asBoolean());
        JsonNode item = site.get(GpTestSite.SERVICES + "Demo/RasterInfo/GPServer/uploads/" + itemId);
        assertEquals("lake.tif", item.get("itemName").asText());
        assertEquals("from a test", item.get("description").asText());
    }

    @Test
    void uploadedRasterIsTheInputTheTaskProcesses() throws Exception {
        byte[] tiff = tiff();
        String itemId = upload("Demo/RasterInfo", "lake.tif", tiff).at("/item/itemID").asText();
        JsonNode job = finishedJob(GpTestSite.RASTER_INFO_TASK, Map.of("Input_Raster", "{\"itemID\":\"" + itemId + "\"}"));
        assertEquals("esriJobSucceeded", job.get("jobStatus").asText());
        String jobUrl = GpTestSite.RASTER_INFO_TASK + "/jobs/" + job.get("jobId").asText();
        assertEquals("TIFF", site.get(jobUrl + "/results/Output_Format").get("value").asText());
        assertEquals(tiff.length, site.get(jobUrl + "/results/Output_Size").get("value").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tiff)),
                site.get(jobUrl + "/results/Output_SHA256").get("value").asText());
    }

    @Test
    void uploadedFeatureSetFileFeedsBufferPoints() {
        String itemId = upload("Demo/BufferPoints", "points.json", GpTestSite.POINTS.getBytes(StandardCharsets.UTF_8))
                .at("/item/itemID").asText();
        JsonNode job = finishedJob(GpTestSite.BUFFER_TASK, Map.of("Input_Features", "{\"itemID\":\"" + itemId + "\"}"));
        String count = GpTestSite.BUFFER_TASK + "/jobs/" + job.get("jobId").asText() + "/results/Output_Count";
        assertEquals(2, site.get(count).get("value").asInt());
    }

    @Test
    void unknownOrForeignItemFailsTheJobWithError000732() throws IOException {
        String foreign = upload("Demo/BufferPoints", "lake.tif", tiff()).at("/item/itemID").asText();
        JsonNode job = finishedJob(GpTestSite.RASTER_INFO_TASK, Map.of("Input_Raster", "{\"itemID\":\"" + foreign + "\"}"));
        assertEquals("esriJobFailed", job.get("jobStatus").asText());
        assertTrue(job.toString().contains("ERROR 000732"), job.toString());
    }

    @Test
    void serviceWithoutTheUploadsCapabilityRefusesUploads() throws IOException {
        JsonNode reply = upload("Demo/BufferPointsSync", "lake.tif", tiff());
        assertEquals(400, reply.at("/error/code").asInt());
        assertEquals("Invalid URL", reply.at("/error/message").asText());
    }
}
