package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GP flow through the packaged jar. In demo mode the application drops the bundled sample into the
 * buffer-points inbox by itself, and the buffers, the raster, the map image, job.json and job.log appear in the
 * outbox, with the job's progress in the log; the same sample dropped again by hand is a duplicate. Against
 * emulators in their own process, an application killed with SIGKILL while polling resumes the job from its
 * job store when started again, without submitting it twice.
 */
class GpDemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDemoRunsTheSampleJobToItsOutputsAndRefusesTheSameFileTwice() throws Exception {
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");
        try (JarProcess app = JarProcess.start(List.of(
                "-Dgis.observe.port=" + JarProcess.freePort(),
                "-Dgis.emulator.arcgis-port=0", "-Dgis.emulator.fresh-machine-port=0", "-Dgis.emulator.iportal-port=0",
                "-Dgis.gp.inbox=" + inbox, "-Dgis.gp.outbox=" + outbox, "-Dgis.gp.data-dir=" + dir.resolve("data")),
                List.of(), Map.of())) {
            Path jobJson = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> jobJson(outbox.resolve("buffer-points")), Optional::isPresent).orElseThrow();
            Path folder = jobJson.getParent();
            JsonNode report = JSON.readTree(jobJson.toFile());
            assertEquals("SUCCEEDED", report.path("result").asText(), report::toString);
            assertTrue(Files.size(folder.resolve("Output_Buffers.geojson")) > 0);
            assertEquals("FeatureCollection", JSON.readTree(folder.resolve("Output_Buffers.geojson").toFile())
                    .path("type").asText());
            assertArrayEquals(new byte[]{'I', 'I', 42, 0}, head(folder.resolve("buffer_raster.tif"), 4));
            assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, head(folder.resolve("map.png"), 4));
            assertTrue(Files.readString(folder.resolve("job.log")).contains("Succeeded."));
            assertTrue(Files.exists(inbox.resolve("buffer-points/done/points.geojson")));
            String log = app.output();
            assertTrue(log.contains("GP job 'buffer-points' points.geojson: submitted as"), log);
            assertTrue(log.contains("esriJobExecuting"), log);
            assertTrue(log.contains("wrote map.png"), log);

            Path copy = dir.resolve("copy.tmp");
            Files.copy(Path.of("samples/points.geojson"), copy);
            Files.move(copy, inbox.resolve("buffer-points/again.geojson"), StandardCopyOption.ATOMIC_MOVE);
            Path error = inbox.resolve("buffer-points/failed/again.geojson.error.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(error));
            assertEquals("duplicate", JSON.readTree(error.toFile()).path("reasonCode").asText());
        }
    }

    @Test
    void anApplicationKilledWhilePollingResumesTheJobWithoutSubmittingItAgain() throws Exception {
        int arcgisPort = JarProcess.freePort();
        String site = "http://127.0.0.1:" + arcgisPort + "/arcgis";
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");
        List<String> flags = List.of("-Dgis.demo=false", "-Dgis.observe.port=" + JarProcess.freePort(),
                "-Dgis.arcgis.url=" + site, "-Dgis.arcgis.username=siteadmin", "-Dgis.harvest.enabled=false",
                "-Dgis.gp.inbox=" + inbox, "-Dgis.gp.outbox=" + outbox, "-Dgis.gp.data-dir=" + dir.resolve("data"));
        Map<String, String> env = Map.of("GIS_ARCGIS_PASSWORD", "siteadmin-secret");
        try (JarProcess emulators = JarProcess.start(List.of("-Dgis.emulator.arcgis-port=" + arcgisPort,
                "-Dgis.emulator.fresh-machine-port=0", "-Dgis.emulator.iportal-port=0"), List.of("emulators"), Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> emulators.output().contains("Press Ctrl+C"));
            try (JarProcess first = JarProcess.start(flags, List.of(), env)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> first.output().contains("Started gp-job-buffer-points"));
                Files.copy(Path.of("samples/points.geojson"), dir.resolve("points.tmp"));
                Files.move(dir.resolve("points.tmp"), inbox.resolve("buffer-points/points.geojson"),
                        StandardCopyOption.ATOMIC_MOVE);
                await().atMost(Duration.ofSeconds(60)).until(() -> first.output().contains("submitted as"));
                kill9(first);
            }
            try (JarProcess second = JarProcess.start(flags, List.of(), env)) {
                Path jobJson = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> jobJson(outbox.resolve("buffer-points")), Optional::isPresent).orElseThrow();
                assertEquals("SUCCEEDED", JSON.readTree(jobJson.toFile()).path("result").asText());
                assertTrue(second.output().contains("Resuming 1 GP jobs from the job store"), second.output());
                assertEquals(1, serverJobs(site));
            }
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    private void kill9(JarProcess app) throws InterruptedException {
        String marker = "-Dgis.gp.inbox=" + dir.resolve("inbox");
        ProcessHandle process = ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                .findFirst().orElseThrow();
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !app.isAlive());
    }

    private static int serverJobs(String site) throws Exception {
        String base = site.substring(0, site.length() - "/arcgis".length());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/__emulator/gp/jobs")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("jobs").size();
    }

    private static Optional<Path> jobJson(Path outbox) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(outbox, 2)) {
            return files.filter(p -> p.getFileName().toString().equals("job.json")).findFirst();
        }
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }
}
