package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operating the packaged jar: the configuration check, JSON logs, metrics and readiness of the demo. */
class OperationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void checkConfigPassesTheShippedConfigurationAndCatchesAMistypedKey() throws Exception {
        JarProcess shipped = JarProcess.runToEnd(List.of(), List.of("check-config"), Map.of());
        assertEquals(0, shipped.exitCode(), shipped.output());
        assertTrue(shipped.output().contains("configuration OK"), shipped.output());

        Path config = dir.resolve("application.properties");
        Files.writeString(config, Files.readString(Path.of("config/application.properties"))
                + "\ngis.harvest.crn = 0 0 * * * ?\n");
        JarProcess typo = JarProcess.runToEnd(List.of("-Dgis.config=" + config), List.of("check-config"), Map.of());

        assertEquals(2, typo.exitCode(), typo.output());
        assertTrue(typo.output().contains("gis.harvest.crn (configuration file) is not a known key; "
                + "did you mean gis.harvest.cron?"), typo.output());
    }

    @Test
    void theDemoLogsJsonWithItsMdcKeysAndServesMetricsAfterAHarvestAndAGpJob() throws Exception {
        int port = JarProcess.freePort();
        try (JarProcess app = JarProcess.start(List.of("-Dgis.log.format=json", "-Dgis.observe.port=" + port,
                "-Dgis.emulator.arcgis-port=0", "-Dgis.emulator.fresh-machine-port=0", "-Dgis.emulator.iportal-port=0",
                "-Dgis.harvest.cron=0/2 * * * * ?", "-Dgis.observe.readiness-reuse=0s",
                "-Dgis.harvest.report-dir=" + dir.resolve("reports/harvest"),
                "-Dgis.site-join.report-dir=" + dir.resolve("reports/site-join"),
                "-Dgis.site-join.inbox=" + dir.resolve("inbox/site-join"),
                "-Dgis.gp.inbox=" + dir.resolve("inbox/gp"), "-Dgis.gp.outbox=" + dir.resolve("outbox/gp"),
                "-Dgis.gp.data-dir=" + dir.resolve("data")), List.of(), Map.of())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> app.output().contains("Harvest main SUCCEEDED")
                    && app.output().contains("GP job 'buffer-points' points.geojson"));
            await().atMost(Duration.ofSeconds(120)).until(() -> app.output().contains(": done, "));
            await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/observe/health/ready").statusCode() == 200);

            String arcgis = find(app.output(), "ArcGIS Server emulator: site (http://[^/]+)/arcgis");
            post(arcgis + "/__emulator/faults?fault=HTTP_503&path=/arcgis/rest/info$&times=1");
            assertEquals(503, get(port, "/observe/health/ready").statusCode(), "the ArcGIS check saw the 503");

            String metrics = get(port, "/observe/metrics").body();
            assertPositive(metrics, "gis_gp_jobs{phase=\"SUCCEEDED\"}");
            assertPositive(metrics, "gis_gp_status_polls_total");
            assertPositive(metrics, "gis_gp_download_bytes_total{kind=\"RASTER\"}");
            assertPositive(metrics, "gis_gp_poll_to_download_seconds_count");
            assertPositive(metrics, "gis_harvest_writes_total{action=\"create\",outcome=\"done\",source=\"main\"}");
            assertPositive(metrics, "gis_harvest_runs_total{source=\"main\",status=\"succeeded\"}");
            assertPositive(metrics, "gis_tokens_issued_total{kind=\"arcgis_services\"}");
            assertPositive(metrics, "gis_tokens_issued_total{kind=\"iportal_session\"}");
            assertPositive(metrics, "gis_errors_total{step=\"check that ArcGIS Server answers\",transient=\"true\"}");

            List<JsonNode> lines = jsonLines(app.output());
            JsonNode harvest = lines.stream()
                    .filter(l -> l.path("message").asText().startsWith("Harvest main SUCCEEDED"))
                    .findFirst().orElseThrow();
            assertEquals("harvest-main", harvest.path("contextMap").path("camel.routeId").asText(), harvest.toString());
            String runId = harvest.path("contextMap").path("gis.harvestRunId").asText();
            assertTrue(harvest.path("message").asText().contains("harvest-" + runId + ".json"), harvest.toString());
            assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().contains(": done, ")
                    && !l.path("contextMap").path("gis.gpJobId").asText().isEmpty()), "a GP job's lines carry its id");

            String output = app.output();
            assertFalse(output.contains(ArcGisEmulatorConfig.defaults().password), "no ArcGIS password in the log");
            assertFalse(output.contains(IPortalEmulatorConfig.defaults().user.password()), "no portal password");
        }
    }

    /** Every line of the output is one JSON object. */
    private static List<JsonNode> jsonLines(String output) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static void assertPositive(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), series + " is missing:\n" + metrics);
        assertTrue(Double.parseDouble(m.group(1)) > 0, series + " = " + m.group(1));
    }

    private record Reply(int statusCode, String body) {
    }

    private Reply get(int port, String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException | InterruptedException notYet) {
            return new Reply(-1, "");
        }
    }

    private void post(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
