package org.giscamel.emulator.arcgis.gp;

import java.time.Duration;
import org.giscamel.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result map service: {@code …/MapServer/jobs/<id>} and its export, as JSAPI, GDAL and QGIS call them. */
class GpResultMapTest {

    private final MutableClock clock = new MutableClock();
    private GpTestSite site;
    private String jobUrl;

    @BeforeEach
    void succeededJob() throws IOException {
        GpSettings settings = GpSettings.defaults();
        settings.spreadMillis = 0;
        site = GpTestSite.start(settings, clock);
        String jobId = site.submitBufferJob();
        clock.advance(Duration.ofMillis(7_000));
        jobUrl = GpTestSite.RESULT_MAP + "/jobs/" + jobId;
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private BufferedImage image(String query) throws IOException {
        HttpResponse<byte[]> response = site.getBytes(site.url(jobUrl + "/export?" + query + "&token=" + site.token));
        assertEquals(200, response.statusCode());
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    @Test
    void jobResourceDescribesAMapOfTheJobOutputs() {
        JsonNode map = site.get(jobUrl);
        assertEquals("esriJobSucceeded", map.get("jobStatus").asText());
        assertEquals("Output_Buffers", map.at("/layers/0/name").asText());
        assertEquals("Raster Layer", map.at("/layers/1/type").asText());
        assertTrue(map.at("/fullExtent/xmin").asDouble() < -104.44);
        assertEquals(4326, map.at("/spatialReference/wkid").asInt());
    }

    @Test
    void exportAsImageHasExactlyTheRequestedSizeAndDrawsTheBuffers() throws IOException {
        BufferedImage image = image("bbox=-104.5,34.75,-104.35,34.85&size=300,200&format=png&f=image");
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
        // bbox and image are both 3:2, so the station (-104.40, 34.80) lies at pixel (200, 100)
        int centreOfStation = image.getRGB(200, 100);
        assertNotEquals(0xFFFFFFFF, centreOfStation, "the buffer is drawn over the white background");
    }

    @Test
    void acceptsGdalsRequestWithEmptyLayersAndTime() throws IOException {
        BufferedImage image = image("f=image&bbox=-110.00000000%2C30.00000000%2C-100.00000000%2C40.00000000"
                + "&size=256%2C256&imageSR=4326&bboxSR=4326&format=png&layers=&transparent=false&time=");
        assertEquals(256, image.getWidth());
    }

    @Test
    void acceptsQgisUpperCasePngAndShowLayers() throws IOException {
        BufferedImage image = image("bbox=-110,30,-100,40&size=128,128&format=PNG&layers=show:0&transparent=true&f=image");
        assertEquals(128, image.getHeight());
        assertEquals(0, image.getRGB(0, 0) >>> 24, "transparent background");
    }

    @Test
    void exportAsJsonGivesAnHrefAndTheAspectCorrectedExtent() throws IOException {
        JsonNode export = site.get(jobUrl + "/export?bbox=-105,34,-104,35&size=400,200&format=jpg");
        assertEquals(400, export.get("width").asInt());
        assertEquals(2.0, export.at("/extent/xmax").asDouble() - export.at("/extent/xmin").asDouble(), 1e-9,
                "extent widened to the image's 2:1 aspect");
        assertTrue(export.get("scale").asDouble() > 0);
        HttpResponse<byte[]> jpeg = site.getBytes(export.get("href").asText() + "?token=" + site.token);
        assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElse(""));
        assertEquals(200, ImageIO.read(new ByteArrayInputStream(jpeg.body())).getHeight());
    }

    @Test
    void serviceResourceIsAMapService() {
        JsonNode map = site.get(GpTestSite.RESULT_MAP);
        assertEquals("Map", map.get("capabilities").asText());
        assertEquals(2, map.get("layers").size());
    }

    @Test
    void unknownJobIsAServicesError() {
        assertEquals(400, site.get(GpTestSite.RESULT_MAP + "/jobs/jnope").at("/error/code").asInt());
    }
}
