package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpOutcome;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.giscamel.gp.GpFlowHarness.fileNames;
import static org.giscamel.gp.GpFlowHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A synchronous task: {@code execute}, whose reply carries the results, written at once without polling. */
class GpSyncJobTest {

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private GpFlowHarness flow;

    @BeforeEach
    void start() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
        flow = GpFlowHarness.start(dir, arcgis, List.of(new GpFlowHarness.Job("sync", GpFlowHarness.SYNC_TASK,
                "Input_Features", Map.of("parameters", GpFlowHarness.DISTANCE))), Map.of());
    }

    @AfterEach
    void stop() {
        flow.close();
        arcgis.close();
    }

    @Test
    void executesAndWritesTheResultsOfTheReplyWithoutPolling() throws Exception {
        flow.drop("sync", "points.geojson", POINTS);
        GpJobRecord job = flow.awaitFinished("sync", "points.geojson");
        assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
        assertTrue(job.sync());
        Path folder = flow.jobFolder("sync", job);
        List<String> files = fileNames(folder);
        assertTrue(files.containsAll(List.of("Output_Buffers.geojson", "Output_Buffers.esri.json", "job.json",
                "job.log", "results.json")), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.endsWith("buffer_raster.tif")), files::toString);
        assertEquals(2, json(folder.resolve("results.json")).at("/Output_Count/value").asInt());
        assertEquals(1, arcgis.requests().count("POST", ".*/BufferPointsSync/GPServer/BufferPoints/execute"));
        assertEquals(0, arcgis.requests().count(null, ".*/submitJob|.*/jobs/.*"));
        assertTrue(Files.exists(flow.inbox("sync").resolve("done/points.geojson")));
    }

    @Test
    void aFailedExecutionFailsTheFileWithTheServersMessages() throws Exception {
        arcgis.gp().scriptNext(GpOutcome.FAILED, 1);
        flow.drop("sync", "points.geojson", POINTS);
        JsonNode error = flow.awaitFailedDrop("sync", "points.geojson");
        assertEquals("execute GP task", error.path("step").asText());
        assertTrue(error.path("serverMessages").toString().contains("Failed to execute (BufferPoints)."),
                error::toString);
        assertEquals(GpPhase.FAILED, flow.finished("sync", "points.geojson").phase());
    }
}
