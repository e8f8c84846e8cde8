package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.EsriJobStatus;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job past its deadline: cancelled on the server where its state allows it, and recorded as timed out. */
class GpDeadlineTest {

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private GpFlowHarness flow;

    private void start(GpSettings settings) throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = settings;
        arcgis = ArcGisEmulator.start(config);
        flow = GpFlowHarness.start(dir, arcgis, List.of(GpFlowHarness.Job.buffer("slow").with("deadline", "1s")),
                Map.of());
    }

    @AfterEach
    void stop() {
        flow.close();
        arcgis.close();
    }

    @Test
    void anExecutingJobIsCancelledOnTheServerAndRecordedAsTimedOut() throws Exception {
        GpSettings settings = GpSettings.fast();
        settings.executingMillis = 60_000;
        start(settings);
        flow.drop("slow", "points.geojson", POINTS);
        JsonNode error = flow.awaitFailedDrop("slow", "points.geojson");
        GpJobRecord job = flow.finished("slow", "points.geojson");

        assertEquals(GpPhase.TIMED_OUT, job.phase());
        assertEquals("deadline-passed", error.path("reasonCode").asText());
        assertTrue(error.path("reason").asText().contains("cancel requested"), error::toString);
        assertEquals(1, arcgis.requests().count("POST", ".*/jobs/[^/]+/cancel"));
        EsriJobStatus onServer = arcgis.gp().find(job.serverJobId().orElseThrow()).orElseThrow().status(System.currentTimeMillis());
        assertTrue(onServer == EsriJobStatus.CANCELLING || onServer == EsriJobStatus.CANCELLED, onServer::toString);
    }

    @Test
    void aJobStillSubmittedIsNotCancelledBecauseTheServerWouldRefuseButIsRecordedAsTimedOut() throws Exception {
        GpSettings settings = GpSettings.fast();
        settings.submittedMillis = 60_000;
        start(settings);
        flow.drop("slow", "points.geojson", POINTS);
        JsonNode error = flow.awaitFailedDrop("slow", "points.geojson");

        assertEquals(GpPhase.TIMED_OUT, flow.finished("slow", "points.geojson").phase());
        assertTrue(error.path("reason").asText().contains("not cancelled"), error::toString);
        assertEquals(0, arcgis.requests().count(null, ".*/cancel"));
    }
}
