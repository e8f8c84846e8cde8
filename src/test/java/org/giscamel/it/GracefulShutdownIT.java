package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpJob;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.http.Fault;
import org.giscamel.emulator.http.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM while a GP job's outputs are being downloaded: the download finishes and the job ends (job.json, the
 * input in done/) before the process exits, within camel.main.shutdown-timeout; a download still running when that
 * timeout ends leaves no partial file, and the next start finishes the job from the job store without submitting
 * it again.
 */
class GracefulShutdownIT {

    private static final String POINTS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"Name": "A"},
               "geometry": {"type": "Point", "coordinates": [-117.18, 34.05]}}]}
            """;
    private static final String RASTER = "/scratch/buffer_raster\\.tif$";

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private Map<String, String> env;
    private Path outbox;

    @BeforeEach
    void startEmulator() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
        env = Map.of("GIS_ARCGIS_URL", arcgis.siteUrl(), "GIS_ARCGIS_USERNAME", arcgis.config().username,
                "GIS_ARCGIS_PASSWORD", arcgis.config().password);
        outbox = dir.resolve("outbox/gp/buffer-points");
    }

    @AfterEach
    void stopEmulator() {
        arcgis.close();
    }

    @Test
    void aStopDuringADownloadLetsItFinishAndTheJobEndBeforeTheProcessExits() throws Exception {
        // the raster answers a few seconds late, so SIGTERM comes while it is being fetched
        arcgis.faults().arm(new FaultRule(Fault.DELAY, "GET", RASTER, 1, 4_000));
        String output;
        try (JarProcess app = startedApp(List.of())) {
            drop(dir.resolve("inbox/gp/buffer-points"));
            await().atMost(Duration.ofSeconds(60)).until(() -> jobFile("Output_Buffers.geojson").isPresent());
            assertTrue(jobFile("buffer_raster.tif").isEmpty(), "the raster is still on its way when SIGTERM comes");

            int exit = app.stop();

            assertTrue(exit == 0 || exit == 143, "exit " + exit);
            output = app.output();
        }
        assertTrue(output.contains("(gis-camel-routes) shutdown in"), output);
        GpJob server = arcgis.gp().all().iterator().next();
        Path raster = jobFile("buffer_raster.tif").orElseThrow(() -> new AssertionError(output));
        assertEquals(server.outputFile("Output_Raster").orElseThrow().sha256(), sha256(raster), "the whole raster");
        JsonNode report = new ObjectMapper().readTree(jobFile("job.json").orElseThrow().toFile());
        assertEquals("SUCCEEDED", report.path("result").asText(), report::toString);
        assertEquals(List.of("Output_Buffers.esri.json", "Output_Buffers.geojson", "buffer_raster.tif",
                "buffer_report.txt", "map.png", "results.json"), listed(report), "the map image, the last step, too");
        assertTrue(Files.exists(dir.resolve("inbox/gp/buffer-points/done/points.geojson")), "the input is in done/");
        assertEquals(List.of(), partialFiles());
    }

    @Test
    void aDownloadStillRunningWhenTheShutdownTimeoutEndsLeavesNoPartialFileAndResumesAtTheNextStart()
            throws Exception {
        arcgis.faults().arm(new FaultRule(Fault.DELAY, "GET", RASTER, 1, 30_000));
        String output;
        try (JarProcess first = startedApp(List.of("-Dcamel.main.shutdown-timeout=2"))) {
            drop(dir.resolve("inbox/gp/buffer-points"));
            await().atMost(Duration.ofSeconds(60)).until(() -> jobFile("Output_Buffers.geojson").isPresent());

            int exit = first.stop();

            assertTrue(exit == 0 || exit == 143, "exit " + exit);
            output = first.output();
        }
        assertTrue(output.contains("(gis-camel-routes) shutdown in"), output);
        assertTrue(output.contains("GP work under way for 1 job(s): it is cut"), output);
        assertEquals(List.of(), partialFiles(), "no partial output after the stop");
        assertTrue(jobFile("buffer_raster.tif").isEmpty(), "the raster was cut short, not half written");
        assertTrue(jobFile("job.json").isEmpty(), "the job did not end");

        try (JarProcess second = startedApp(List.of())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> jobFile("job.json").isPresent());
            assertTrue(jobFile("buffer_raster.tif").isPresent(), second.output());
            assertEquals(List.of(), partialFiles());
            assertTrue(second.output().contains("Resuming 1 GP jobs from the job store"), second.output());
            assertEquals(1, arcgis.requests().count("POST", ".*/submitJob"), "submitted once");
        }
    }

    private JarProcess startedApp(List<String> moreFlags) throws Exception {
        List<String> flags = new ArrayList<>(List.of("-Dgis.observe.port=" + JarProcess.freePort(),
                "-Dgis.harvest.enabled=false",
                "-Dgis.gp.inbox=" + dir.resolve("inbox/gp"), "-Dgis.gp.outbox=" + dir.resolve("outbox/gp"),
                "-Dgis.gp.data-dir=" + dir.resolve("data"),
                "-Dgis.gp.read-lock-check-interval=100ms", "-Dgis.gp.read-lock-min-age=100ms",
                "-Dgis.site-join.inbox=" + dir.resolve("inbox/site-join"),
                "-Dgis.site-join.report-dir=" + dir.resolve("reports/site-join")));
        flags.addAll(moreFlags);
        JarProcess app = JarProcess.start(flags, List.of(), env);
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> app.output().contains("(gis-camel-routes) started"));
        } catch (RuntimeException | Error e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Written beside the inbox and moved in, as a careful user drops a file. */
    private static void drop(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Path staged = Files.writeString(inbox.resolveSibling("points.geojson"), POINTS);
        Files.move(staged, inbox.resolve("points.geojson"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> listed(JsonNode report) {
        List<String> files = new ArrayList<>();
        report.path("outputs").forEach(o -> files.add(o.path("file").asText()));
        return files.stream().sorted().toList();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A file of the job's output folder ({@code points-<jobId>/}). */
    private Optional<Path> jobFile(String name) {
        return files().filter(f -> f.getFileName().toString().equals(name)).findFirst();
    }

    private List<String> partialFiles() {
        return files().map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".partial-")).toList();
    }

    private Stream<Path> files() {
        if (!Files.isDirectory(outbox)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(outbox)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
