package org.giscamel.gp;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.http.Fault;
import org.giscamel.token.TokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;

/** Failures that pass never kill a job: status requests and downloads are retried with backoff. */
class GpTransientFailureTest {

    /** The status resource of a job, not its results or files (a fault matches part of the path, a count all). */
    private static final String JOB_STATUS = "/GPServer/BufferPoints/jobs/[^/]+$";
    private static final String ANY_JOB_STATUS = ".*/GPServer/BufferPoints/jobs/[^/]+";

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private GpFlowHarness flow;

    @BeforeEach
    void start() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        config.gp.executingMillis = 1_000;
        arcgis = ArcGisEmulator.start(config);
        flow = GpFlowHarness.start(dir, arcgis, List.of(GpFlowHarness.Job.buffer("buffers")), Map.of());
    }

    @AfterEach
    void stop() {
        flow.close();
        arcgis.close();
    }

    @Test
    void serverErrorsAndResetsWhilePollingAreRetried() throws Exception {
        arcgis.faults().arm(Fault.HTTP_503, JOB_STATUS, 2).arm(Fault.HTTP_500, JOB_STATUS, 2)
                .arm(Fault.CONNECTION_RESET, JOB_STATUS, 2);
        flow.drop("buffers", "points.geojson", POINTS);
        GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
        assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
        long failed = arcgis.requests().entries().stream()
                .filter(e -> e.path().matches(ANY_JOB_STATUS) && (e.status() >= 500 || e.status() < 0)).count();
        assertEquals(6, failed);
    }

    @Test
    void downloadFailuresAreRetried() throws Exception {
        arcgis.faults().arm(Fault.HTTP_503, "/scratch/buffer_raster\\.tif$", 2)
                .arm(Fault.CONNECTION_RESET, "/results/Output_Buffers$", 1);
        flow.drop("buffers", "points.geojson", POINTS);
        GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
        assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
        assertEquals(3, arcgis.requests().count("GET", ".*/scratch/buffer_raster\\.tif"));
    }

    @Test
    void aTokenThatExpiresDuringALongJobIsRenewedAndTheJobCarriesOn() throws Exception {
        flow.drop("buffers", "points.geojson", POINTS);
        await().until(() -> arcgis.requests().count("GET", ANY_JOB_STATUS) > 0);
        arcgis.faults().arm(Fault.EXPIRE_TOKENS, JOB_STATUS, 1);
        GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
        assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
        TokenService tokens = flow.registry(TokenService.class);
        assertEquals(2, tokens.issuedCount());
    }
}
