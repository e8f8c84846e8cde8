package org.giscamel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged demo serves the status page on its management port, with the demo job's map image. */
class StatusPageIT {

    private static final Pattern THUMBNAIL = Pattern.compile("<img class=\"thumb\" src=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void theDemoShowsItsGpJobWithAMapImageAndItsHarvestRun() throws Exception {
        int port = JarProcess.freePort();
        try (JarProcess app = JarProcess.start(List.of("-Dgis.observe.port=" + port,
                "-Dgis.emulator.arcgis-port=0", "-Dgis.emulator.fresh-machine-port=0", "-Dgis.emulator.iportal-port=0",
                "-Dgis.harvest.cron=0/2 * * * * ?",
                "-Dgis.harvest.report-dir=" + dir.resolve("reports/harvest"),
                "-Dgis.site-join.report-dir=" + dir.resolve("reports/site-join"),
                "-Dgis.site-join.inbox=" + dir.resolve("inbox/site-join"),
                "-Dgis.gp.inbox=" + dir.resolve("inbox/gp"), "-Dgis.gp.outbox=" + dir.resolve("outbox/gp"),
                "-Dgis.gp.data-dir=" + dir.resolve("data")), List.of(), Map.of())) {
            String page = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> body(port, "/status"), html -> html.contains("data-phase=\"SUCCEEDED\"")
                            && html.contains("data-status=\"SUCCEEDED\"") && THUMBNAIL.matcher(html).find());

            Matcher thumbnail = THUMBNAIL.matcher(page);
            assertTrue(thumbnail.find());
            HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + thumbnail.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, image.statusCode(), app.output());
            assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/observe/health/live")).build(), HttpResponse.BodyHandlers.discarding()).statusCode(),
                    "the management endpoints still answer on the shared port");
        }
    }

    private String body(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException notYet) {
            return "";
        }
    }
}
