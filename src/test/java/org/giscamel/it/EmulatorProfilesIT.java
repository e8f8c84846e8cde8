package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
import java.util.Optional;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flows through the packaged jar against each profile of the emulators: the most forgiving plausible answers
 * and the harshest ones. Where no source says what a real server answers, the flows must work either way, so the
 * demo's declared site (two fresh machines joined), harvest and GP job must end the same against both.
 */
class EmulatorProfilesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lenient", "strict"})
    void siteJoinHarvestAndGpJobSucceedAgainstTheProfile(String profile) throws Exception {
        int site = JarProcess.freePort();
        Path reconcileReports = dir.resolve("site-reconcile");
        Path harvestReports = dir.resolve("harvest");
        Path outbox = dir.resolve("outbox");
        try (JarProcess app = JarProcess.start(List.of("-Dgis.emulator.profile=" + profile,
                "-Dgis.observe.port=" + JarProcess.freePort(), "-Dgis.emulator.arcgis-port=" + site,
                "-Dgis.emulator.fresh-machine-port=0", "-Dgis.emulator.iportal-port=0",
                "-Dgis.site.report-dir=" + reconcileReports, "-Dgis.harvest.report-dir=" + harvestReports,
                "-Dgis.gp.outbox=" + outbox), List.of(), Map.of())) {
            JsonNode reconcile = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> firstJson(reconcileReports), r -> r.isPresent()
                            && !r.get().path("outcome").asText().equals("running")).orElseThrow();
            assertEquals("done", reconcile.path("outcome").asText(), reconcile::toString);
            assertEquals(List.of("done", "done", "nothing-to-do"), reconcile.path("plan").findValuesAsText("outcome"),
                    reconcile::toString);
            assertTrue(app.output().contains("emulators answer as profile '" + profile + "'"), app.output());

            // The request log is the emulator's, shared by its machines; the fresh ones are arcgis-fresh*.
            List<JsonNode> freshRequests = requests(site).stream()
                    .filter(r -> r.path("server").asText().startsWith("arcgis-fresh")).toList();
            List<JsonNode> local = freshRequests.stream().filter(r -> r.path("path").asText().endsWith("/admin/local")).toList();
            assertEquals(2, local.stream().map(r -> r.path("server").asText()).distinct().count(),
                    "each machine's name was read from its admin/local: " + local);
            assertTrue(local.stream().allMatch(r -> r.path("withToken").asBoolean()), "admin/local without a token: " + local);

            JsonNode harvest = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> newestJson(harvestReports), Optional::isPresent).orElseThrow();
            assertEquals("SUCCEEDED", harvest.path("status").asText(), harvest::toString);
            // Found in both; a portal that checks secured services for a token refuses it, and the report says so.
            JsonNode cadastre = item(harvest, "Cadastre/MapServer")
                    .orElseThrow(() -> new AssertionError("the secured root service was missed: " + harvest));
            assertEquals(profile.equals("strict") ? "NOT_REGISTERED" : "DONE", cadastre.path("result").asText(),
                    cadastre::toString);
            boolean hidden = harvest.path("visibleOnlyWithToken").toString().contains("Cadastre/MapServer");
            assertEquals(profile.equals("strict"), hidden, harvest.path("visibleOnlyWithToken")::toString);

            JsonNode job = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> jobJson(outbox.resolve("buffer-points")), Optional::isPresent).orElseThrow();
            assertEquals("SUCCEEDED", job.path("result").asText(), job::toString);
        }
    }

    private static Optional<JsonNode> item(JsonNode report, String service) {
        List<JsonNode> items = new ArrayList<>();
        report.path("items").forEach(items::add);
        return items.stream().filter(i -> i.path("service").asText().equals(service)).findFirst();
    }

    private static List<JsonNode> requests(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/__emulator/requests")).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(response.body()).forEach(entries::add);
        return entries;
    }

    /** The newest report in a folder, once one is there (names sort by time). */
    private static Optional<JsonNode> newestJson(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Path> newest = files.filter(f -> f.toString().endsWith(".json")).max(Path::compareTo);
            return newest.isPresent() ? Optional.of(JSON.readTree(newest.get().toFile())) : Optional.empty();
        }
    }

    /** The oldest report in a folder: the demo's reconcile at start-up, not a scheduled one after it. */
    private static Optional<JsonNode> firstJson(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Path> first = files.filter(f -> f.toString().endsWith(".json")).min(Path::compareTo);
            return first.isPresent() ? Optional.of(JSON.readTree(first.get().toFile())) : Optional.empty();
        }
    }

    private static Optional<JsonNode> jobJson(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            Optional<Path> json = files.filter(f -> f.getFileName().toString().equals("job.json")).findFirst();
            return json.isPresent() ? Optional.of(JSON.readTree(json.get().toFile())) : Optional.empty();
        }
    }
}
