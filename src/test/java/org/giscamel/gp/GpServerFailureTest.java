package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpOutcome;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.giscamel.gp.GpFlowHarness.fileNames;
import static org.giscamel.gp.GpFlowHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jobs that end on the server with a code above 4: no outputs, a failure record with the server's messages. */
class GpServerFailureTest {

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private GpFlowHarness flow;

    @BeforeEach
    void start() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        config.gp.cancellingMillis = 0; // a server-side cancel then reads as Cancelled at once
        arcgis = ArcGisEmulator.start(config);
        flow = GpFlowHarness.start(dir, arcgis, List.of(GpFlowHarness.Job.buffer("buffers")), Map.of());
    }

    @AfterEach
    void stop() {
        flow.close();
        arcgis.close();
    }

    @ParameterizedTest
    @CsvSource({
            "FAILED, 5, job-failed, ERROR 999999",
            "TIMED_OUT, 6, job-timed-out, exceeded the maximum time allowed",
            "CANCELLED, 8, job-cancelled, Cancel complete."})
    void aJobThatEndsWithoutSuccessIsRecordedWithTheServersMessagesAndWritesNoOutputs(
            GpOutcome outcome, int code, String reasonCode, String serverMessage) throws Exception {
        arcgis.gp().scriptNext(outcome, 1);
        flow.drop("buffers", "points.geojson", POINTS);
        JsonNode error = flow.awaitFailedDrop("buffers", "points.geojson");
        GpJobRecord job = flow.finished("buffers", "points.geojson");

        assertEquals(GpPhase.FAILED, job.phase());
        assertEquals(code, job.status().orElseThrow().code());
        assertEquals(reasonCode, error.path("reasonCode").asText());
        assertEquals(job.serverJobId().orElseThrow(), error.path("serverJobId").asText());
        assertTrue(error.path("serverMessages").toString().contains(serverMessage), error::toString);
        Path folder = flow.jobFolder("buffers", job);
        assertEquals(List.of("job.json", "job.log"), fileNames(folder));
        assertEquals("FAILED", json(folder.resolve("job.json")).path("result").asText());
        assertEquals(0, arcgis.requests().count(null, ".*/results/.*|.*/scratch/.*"));
    }
}
