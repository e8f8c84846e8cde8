package org.giscamel.it;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.http.Fault;
import org.giscamel.emulator.http.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM while a GP job's outputs are being downloaded: Camel shuts down gracefully, no partial file is left in
 * the outbox, and the next start finishes the job from the job store without submitting it again.
 */
class GracefulShutdownIT {

    private static final String POINTS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"Name": "A"},
               "geometry": {"type": "Point", "coordinates": [-117.18, 34.05]}}]}
            """;

    @TempDir
    Path dir;

    @Test
    void aStopDuringADownloadLeavesNoPartialFileAndTheNextStartFinishesTheJob() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(config)) {
            // the raster answers slowly, so SIGTERM comes while it is being fetched
            arcgis.faults().arm(new FaultRule(Fault.DELAY, "GET", "/scratch/buffer_raster\\.tif$", 1, 10_000));
            Map<String, String> env = Map.of("GIS_ARCGIS_URL", arcgis.siteUrl(),
                    "GIS_ARCGIS_USERNAME", arcgis.config().username, "GIS_ARCGIS_PASSWORD", arcgis.config().password);
            Path outbox = dir.resolve("outbox/gp/buffer-points");

            JarProcess first = JarProcess.start(flags(), List.of(), env);
            await().atMost(Duration.ofSeconds(90)).until(() -> first.output().contains("(gis-camel-routes) started"));
            drop(dir.resolve("inbox/gp/buffer-points"));
            await().atMost(Duration.ofSeconds(60)).until(() -> jobFile(outbox, "Output_Buffers.geojson").isPresent());
            int exit = first.stop();

            assertTrue(exit == 0 || exit == 143, "exit " + exit);
            assertTrue(first.output().contains("(gis-camel-routes) is shutting down"), first.output());
            assertTrue(first.output().contains("(gis-camel-routes) shutdown in"), first.output());
            assertEquals(List.of(), partialFiles(outbox), "no partial output after the stop");
            assertTrue(jobFile(outbox, "buffer_raster.tif").isEmpty(), "the raster was cut short, not half written");

            try (JarProcess second = JarProcess.start(flags(), List.of(), env)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> jobFile(outbox, "job.json").isPresent());
                assertTrue(jobFile(outbox, "buffer_raster.tif").isPresent(), second.output());
                assertEquals(List.of(), partialFiles(outbox));
                assertTrue(second.output().contains("Resuming 1 GP jobs from the job store"), second.output());
                assertEquals(1, arcgis.requests().count("POST", ".*/submitJob"), "submitted once");
            }
        }
    }

    private List<String> flags() throws IOException {
        return List.of("-Dgis.observe.port=" + JarProcess.freePort(), "-Dgis.harvest.enabled=false",
                "-Dgis.gp.inbox=" + dir.resolve("inbox/gp"), "-Dgis.gp.outbox=" + dir.resolve("outbox/gp"),
                "-Dgis.gp.data-dir=" + dir.resolve("data"),
                "-Dgis.gp.read-lock-check-interval=100ms", "-Dgis.gp.read-lock-min-age=100ms",
                "-Dgis.site-join.inbox=" + dir.resolve("inbox/site-join"),
                "-Dgis.site-join.report-dir=" + dir.resolve("reports/site-join"));
    }

    /** Written beside the inbox and moved in, as a careful user drops a file. */
    private static void drop(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Path staged = Files.writeString(inbox.resolveSibling("points.geojson"), POINTS);
        Files.move(staged, inbox.resolve("points.geojson"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A file of the job's output folder ({@code points-<jobId>/}). */
    private static Optional<Path> jobFile(Path outbox, String name) {
        return files(outbox).filter(f -> f.getFileName().toString().equals(name)).findFirst();
    }

    private static List<String> partialFiles(Path outbox) {
        return files(outbox).map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".partial-")).toList();
    }

    private static Stream<Path> files(Path outbox) {
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
