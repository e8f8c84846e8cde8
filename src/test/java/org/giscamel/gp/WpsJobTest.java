package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GP jobs on a real OGC WPS 1.0.0 server (PyWPS from Debian): the same drop, job store, poller, progress log and
 * downloader as ArcGIS jobs, with the WPS protocol adapter; the dropped file's content inline (JSON, XML) or by
 * reference from a web server, or its name as a literal.
 */
class WpsJobTest {

    @TempDir
    static Path serverDir;
    private static PyWpsServer wps;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        wps = PyWpsServer.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        if (wps != null) {
            wps.close();
        }
    }

    /** A job passing the dropped file's name as the literal input {@code name}. */
    private GpFlowHarness.Job job(String name, String process) {
        return new GpFlowHarness.Job(name, wps.endpoint(), "name", Map.of("backend", "wps", "process", process,
                "wpsInput", "name", "parameters", "{\"_outputs\": [\"raster\"]}"));
    }

    /** A job passing the dropped file's content to the features process, which reports what reached it. */
    private GpFlowHarness.Job features(String name) {
        return new GpFlowHarness.Job(name, wps.endpoint(), "features", Map.of("backend", "wps", "process", "features"));
    }

    /** A GeoJSON FeatureCollection of {@code count} points, with text that XML would have to escape. */
    private static String geoJson(int count) {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < count; i++) {
            features.append(i == 0 ? "" : ",\n").append("{\"type\": \"Feature\", \"properties\": {\"note\": ")
                    .append("\"caf\u00e9 ]]> <b>&amp; ").append(i).append("\"}, \"geometry\": {\"type\": \"Point\", ")
                    .append("\"coordinates\": [").append(i).append(", 47.5]}}");
        }
        return "{\"type\": \"FeatureCollection\", \"features\": [\n" + features + "]}\n";
    }

    /** What the features process reported: count, sha256, mimetype and delivery. */
    private static JsonNode reported(GpFlowHarness flow, String job, GpJobRecord record) {
        assertEquals(GpPhase.SUCCEEDED, record.phase(), () -> record.failure().toString());
        return GpFlowHarness.json(flow.jobFolder(job, record).resolve("results.json"));
    }

    @Test
    void aGeoJsonFileGoesInlineAsGeoJsonAndReachesTheProcessByteForByte() throws Exception {
        String content = geoJson(3);
        try (GpFlowHarness flow = GpFlowHarness.start(dir, List.of(features("count")), Map.of())) {
            flow.drop("count", "sites.geojson", content);
            GpJobRecord record = flow.awaitFinished("count", "sites.geojson");
            JsonNode reported = reported(flow, "count", record);
            assertEquals("3", reported.path("count").path("value").asText(), reported::toString);
            assertEquals("application/geo+json", reported.path("mimetype").path("value").asText(),
                    "GeoJSON, not the process's default GML");
            assertEquals("inline", reported.path("delivery").path("value").asText());
            assertEquals(GpFlowHarness.sha256(content.getBytes(StandardCharsets.UTF_8)),
                    reported.path("sha256").path("value").asText(), "the CDATA held the file unchanged, ]]> included");
            JsonNode input = record.input().path("input");
            assertEquals("content", input.path("kind").asText(), input::toString);
            assertEquals("inline", input.path("delivery").asText());
        }
    }

    @Test
    void aGmlFileGoesInlineAsXmlElementsInTheProcessDefaultFormat() throws Exception {
        String gml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" xmlns:gml="http://www.opengis.net/gml"
                    xmlns:s="urn:sites">
                  <gml:featureMember><s:Site><s:name>North &amp; South &lt;1&gt;</s:name></s:Site></gml:featureMember>
                  <gml:featureMember><s:Site><s:name>caf\u00e9</s:name></s:Site></gml:featureMember>
                </wfs:FeatureCollection>
                """;
        try (GpFlowHarness flow = GpFlowHarness.start(dir, List.of(features("count")), Map.of())) {
            flow.drop("count", "sites.gml", gml);
            JsonNode reported = reported(flow, "count", flow.awaitFinished("count", "sites.gml"));
            assertEquals("2", reported.path("count").path("value").asText(), reported::toString);
            assertEquals("application/gml+xml", reported.path("mimetype").path("value").asText());
            assertEquals("inline", reported.path("delivery").path("value").asText());
        }
    }

    @Test
    void aFileAboveTheInlineLimitIsFetchedByTheServerFromTheReferenceUrlAndThenDeleted() throws Exception {
        String content = geoJson(40);
        assertTrue(content.length() > 2048);
        Path published = dir.resolve("published");
        try (FolderWebServer web = FolderWebServer.start(published);
             GpFlowHarness flow = GpFlowHarness.start(dir, List.of(features("count")), Map.of(
                     "gis.gp.wps.inline-max-kilobytes", "1", "gis.gp.wps.reference-dir", published.toString(),
                     "gis.gp.wps.reference-url", web.url()))) {
            flow.drop("count", "many.geojson", content);
            GpJobRecord record = flow.awaitFinished("count", "many.geojson");
            JsonNode reported = reported(flow, "count", record);
            assertEquals("40", reported.path("count").path("value").asText(), reported::toString);
            assertEquals("reference", reported.path("delivery").path("value").asText());
            assertEquals("application/geo+json", reported.path("mimetype").path("value").asText());
            assertEquals(GpFlowHarness.sha256(content.getBytes(StandardCharsets.UTF_8)),
                    reported.path("sha256").path("value").asText());
            assertTrue(web.requested().contains(record.id() + ".geojson"), web.requested()::toString);
            assertEquals(List.of(), GpFlowHarness.fileNames(published), "deleted once the job ended");
        }
    }

    @Test
    void withoutAReferenceUrlAFileAboveTheLimitFailsBeforeSubmissionNamingTheKeys() throws Exception {
        try (GpFlowHarness flow = GpFlowHarness.start(dir, List.of(features("count")),
                Map.of("gis.gp.wps.inline-max-kilobytes", "1"))) {
            flow.drop("count", "many.geojson", geoJson(40));
            JsonNode error = flow.awaitFailedDrop("count", "many.geojson");
            assertEquals("no-reference-url", error.path("reasonCode").asText(), error::toString);
            String reason = error.path("reason").asText();
            assertTrue(reason.contains("gis.gp.wps.reference-url") && reason.contains("gis.gp.wps.reference-dir")
                    && reason.contains("gis.gp.wps.inline-max-kilobytes"), reason);
            assertEquals(List.of(), flow.store().jobsOf("count"), "nothing recorded, nothing submitted");
        }
    }

    @Test
    void contentForALiteralInputOrAFormatTheProcessLacksFailsWithTheReason() throws Exception {
        GpFlowHarness.Job literal = new GpFlowHarness.Job("literal", wps.endpoint(), "name",
                Map.of("backend", "wps", "process", "slowtiff"));
        try (GpFlowHarness flow = GpFlowHarness.start(dir, List.of(literal, features("count")), Map.of())) {
            flow.drop("literal", "sites.geojson", geoJson(1));
            flow.drop("count", "table.csv", "id,name\n1,north\n");
            flow.drop("count", "broken.geojson", "{\"type\": \"FeatureCollection\", ");
            JsonNode wrongInput = flow.awaitFailedDrop("literal", "sites.geojson");
            assertEquals("wrong-parameter-type", wrongInput.path("reasonCode").asText(), wrongInput::toString);
            assertTrue(wrongInput.path("reason").asText().contains("wpsInput to name"), wrongInput::toString);
            JsonNode wrongFormat = flow.awaitFailedDrop("count", "table.csv");
            assertEquals("unsupported-file-type", wrongFormat.path("reasonCode").asText(), wrongFormat::toString);
            assertTrue(wrongFormat.path("reason").asText().contains("application/geo+json"), wrongFormat::toString);
            JsonNode broken = flow.awaitFailedDrop("count", "broken.geojson");
            assertEquals("malformed-json", broken.path("reasonCode").asText(), broken::toString);
        }
    }

    @Test
    void aSucceededProcessHasItsGeoTiffDownloadedAndItsProgressLoggedOnce() throws Exception {
        List<String> progress;
        GpJobRecord record;
        try (LogCapture log = LogCapture.debug("org.giscamel.gp");
             GpFlowHarness flow = GpFlowHarness.start(dir, List.of(job("tiles", "slowtiff")), Map.of())) {
            flow.drop("tiles", "area.txt", "north field");
            record = flow.awaitFinished("tiles", "area.txt");
            progress = log.lines().stream().filter(l -> l.contains("GpPoller") && l.contains("esriJobExecuting"))
                    .toList();
            assertEquals(GpPhase.SUCCEEDED, record.phase(), () -> record.failure().toString());
            assertEquals(4, record.status().orElseThrow().code());
            Path folder = flow.jobFolder("tiles", record);
            assertEquals(GpFlowHarness.sha256(wps.tiff()), GpFlowHarness.sha256(folder.resolve("test.tif")));
            JsonNode literals = GpFlowHarness.json(folder.resolve("results.json"));
            assertTrue(literals.toString().contains("area.txt"), literals::toString);
            assertTrue(Files.exists(flow.inbox("tiles").resolve(GpInputFiles.DONE).resolve("area.txt")));
        }
        for (int percent : new int[]{20, 40, 60, 80}) {
            long lines = progress.stream().filter(l -> l.contains(" " + percent + "% step at " + percent)).count();
            assertEquals(1, lines, percent + "% logged once: " + progress);
        }
    }

    @Test
    void aFailedProcessEndsWithCodeFiveAndTheServersExceptionText() throws Exception {
        try (GpFlowHarness flow = GpFlowHarness.start(dir, List.of(job("doomed", "broken")), Map.of())) {
            flow.drop("doomed", "field.txt", "south field");
            GpJobRecord record = flow.awaitFinished("doomed", "field.txt");
            assertEquals(GpPhase.FAILED, record.phase());
            assertEquals(5, record.status().orElseThrow().code());
            assertTrue(record.failure().orElseThrow().serverMessages().toString().contains("cannot process field.txt"),
                    () -> record.failure().toString());
            JsonNode error = flow.awaitFailedDrop("doomed", "field.txt");
            assertTrue(error.toString().contains("cannot process field.txt"), error::toString);
        }
    }
}
