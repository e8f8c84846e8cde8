package org.giscamel.emulator.arcgis.gp;

import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.GeoTiffWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 300 MB raster output is generated while it is sent, strip by strip, and arrives byte-exact. */
class GpLargeRasterTest {

    private static final int WIDTH = 20_000;
    private static final int HEIGHT = 15_000;

    /** Remembers the largest single write, to prove the writer never holds more than a strip. */
    private static final class LargestWrite extends OutputStream {
        long total;
        int largest;

        @Override
        public void write(int b) {
            total++;
            largest = Math.max(largest, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            total += len;
            largest = Math.max(largest, len);
        }
    }

    @Test
    void writerEmitsAFewHundredKilobytesAtATime() throws IOException {
        GeoTiffWriter writer = new GeoTiffWriter(WIDTH, HEIGHT, Extent.WORLD, (row, target, offset) -> { });
        LargestWrite out = new LargestWrite();
        writer.writeTo(out);
        assertEquals(writer.length(), out.total);
        assertTrue(out.largest <= 512 * 1024, "largest write " + out.largest);
    }

    @Test
    void largeRasterDownloadMatchesTheJobsChecksum() throws Exception {
        GpSettings settings = GpSettings.fast();
        settings.rasterWidth = WIDTH;
        settings.rasterHeight = HEIGHT;
        try (GpTestSite site = GpTestSite.start(settings)) {
            String jobId = site.submitBufferJob();
            String job = GpTestSite.BUFFER_TASK + "/jobs/" + jobId;
            await().atMost(Duration.ofSeconds(30)).until(() -> site.get(job).has("results"));
            String url = site.get(job + "/results/Output_Raster?returnType=data").at("/value/url").asText();

            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long received = 0;
            HttpResponse<InputStream> response = site.client().send(
                    HttpRequest.newBuilder(URI.create(url + "?token=" + site.token)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = new DigestInputStream(response.body(), digest)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received += n;
                }
            }
            GpFile expected = site.job(jobId).outputFile("Output_Raster").orElseThrow();
            assertTrue(expected.length() > 300_000_000L);
            assertEquals(expected.length(), received);
            assertEquals(expected.length(), response.headers().firstValueAsLong("Content-Length").orElse(-1));
            assertEquals(expected.sha256(), HexFormat.of().formatHex(digest.digest()));
        }
    }
}
