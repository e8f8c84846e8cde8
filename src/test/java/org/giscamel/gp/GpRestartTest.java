package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.giscamel.gp.GpFlowHarness.fileNames;
import static org.giscamel.gp.GpFlowHarness.json;
import static org.giscamel.gp.GpFlowHarness.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Camel context stopped in the middle of a job, and a new one started on the same job store: a download under
 * way finishes within the shutdown timeout; otherwise the job resumes, is not submitted again, and each output is
 * written once.
 */
class GpRestartTest {

    private static final List<GpFlowHarness.Job> JOBS = List.of(GpFlowHarness.Job.buffer("buffers"));

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;

    @BeforeEach
    void startEmulator() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        config.gp.executingMillis = 1_500;
        arcgis = ArcGisEmulator.start(config);
    }

    @AfterEach
    void stopEmulator() {
        arcgis.close();
    }

    @Test
    void aJobRunningOnTheServerWhenTheContextStopsIsFinishedByTheNextContext() throws Exception {
        GpJobRecord submitted;
        try (GpFlowHarness first = GpFlowHarness.start(dir, arcgis, JOBS, Map.of())) {
            first.drop("buffers", "points.geojson", POINTS);
            submitted = await().until(() -> first.store().jobsOf("buffers").stream()
                    .filter(j -> j.phase() == GpPhase.RUNNING).findFirst().orElse(null), j -> j != null);
        }
        try (GpFlowHarness second = GpFlowHarness.start(dir, arcgis, JOBS, Map.of())) {
            GpJobRecord job = second.awaitFinished("buffers", "points.geojson");
            assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
            assertEquals(submitted.serverJobId(), job.serverJobId());
            assertEquals(1, GpFlowHarness.serverJobs(arcgis));
            assertEquals(1, arcgis.requests().count("POST", ".*/submitJob"));
            assertTrue(Files.exists(second.inbox("buffers").resolve("done/points.geojson")));
        }
    }

    @Test
    void aStopDuringADownloadLetsItFinishAndEndTheJobBeforeTheStoreCloses() throws Exception {
        // the raster answers slowly, so the stop comes after the feature files and before the raster
        arcgis.faults().arm(new FaultRule(Fault.DELAY, "GET", "/scratch/buffer_raster\\.tif$", 1, 1_500));
        Path folder;
        GpJobRecord downloading;
        try (GpFlowHarness first = GpFlowHarness.start(dir, arcgis, JOBS, Map.of())) {
            first.drop("buffers", "points.geojson", POINTS);
            downloading = await().until(() -> first.store().jobsOf("buffers").stream()
                    .filter(j -> first.store().outputs(j.id()).size() == 2).findFirst().orElse(null), j -> j != null);
            folder = first.jobFolder("buffers", downloading);
        }
        GpJob server = arcgis.gp().find(downloading.serverJobId().orElseThrow()).orElseThrow();
        assertEquals(server.outputFile("Output_Raster").orElseThrow().sha256(), sha256(folder.resolve("buffer_raster.tif")));
        assertEquals(List.of("Output_Buffers.esri.json", "Output_Buffers.geojson", "buffer_raster.tif",
                "buffer_report.txt", "job.json", "job.log", "results.json"), fileNames(folder));
        JsonNode report = json(folder.resolve("job.json"));
        assertEquals("SUCCEEDED", report.path("result").asText());
        assertEquals(5, report.path("outputs").size(), report::toString);
        assertTrue(Files.exists(dir.resolve("inbox/buffers/done/points.geojson")));

        try (GpFlowHarness second = GpFlowHarness.start(dir, arcgis, JOBS, Map.of())) {
            assertEquals(GpPhase.SUCCEEDED, second.finished("buffers", "points.geojson").phase(), "nothing left to resume");
        }
        assertEquals(1, arcgis.requests().count("GET", ".*/scratch/buffer_raster\\.tif"));
    }

    @Test
    void aDownloadStillRunningWhenTheShutdownTimeoutEndsLeavesNoPartialFileAndTheNextStartWritesTheRestOnce()
            throws Exception {
        arcgis.faults().arm(new FaultRule(Fault.DELAY, "GET", "/scratch/buffer_raster\\.tif$", 1, 10_000));
        Path folder;
        FileTime geoJsonWritten;
        try (GpFlowHarness first = GpFlowHarness.start(dir, arcgis, JOBS, Map.of())) {
            first.shutdownTimeout(Duration.ofMillis(500));
            first.drop("buffers", "points.geojson", POINTS);
            GpJobRecord downloading = await().until(() -> first.store().jobsOf("buffers").stream()
                    .filter(j -> first.store().outputs(j.id()).size() == 2).findFirst().orElse(null), j -> j != null);
            folder = first.jobFolder("buffers", downloading);
            geoJsonWritten = Files.getLastModifiedTime(folder.resolve("Output_Buffers.geojson"));
        }
        assertEquals(List.of("Output_Buffers.esri.json", "Output_Buffers.geojson"), fileNames(folder),
                "the raster was cut, and neither it nor a partial file is there");

        try (GpFlowHarness second = GpFlowHarness.start(dir, arcgis, JOBS, Map.of())) {
            GpJobRecord job = second.awaitFinished("buffers", "points.geojson");
            assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
            assertEquals(geoJsonWritten, Files.getLastModifiedTime(folder.resolve("Output_Buffers.geojson")));
            assertEquals(List.of("Output_Buffers.esri.json", "Output_Buffers.geojson", "buffer_raster.tif",
                    "buffer_report.txt", "job.json", "job.log", "results.json"), fileNames(folder));
            Set<String> listed = new HashSet<>();
            for (JsonNode output : json(folder.resolve("job.json")).path("outputs")) {
                assertTrue(listed.add(output.path("file").asText()), "listed once: " + output);
            }
            assertEquals(5, listed.size());
            assertEquals(1, arcgis.requests().count("POST", ".*/submitJob"));
        }
    }
}
