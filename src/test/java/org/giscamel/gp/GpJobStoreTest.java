package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpJobStoreTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;
    private GpJobStore store;

    @BeforeEach
    void open() {
        store = newStore();
        store.open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private GpJobStore newStore() {
        return new GpJobStore("jdbc:h2:file:" + dir.resolve("gp") + ";WRITE_DELAY=0", "", "",
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    }

    private static GpJobSpec spec(String name) {
        return new GpJobSpec(name, URI.create("https://gis.example.com/arcgis/rest/services/S/GPServer/T"), "Input",
                JsonNodeFactory.instance.objectNode(), "file:outbox", Optional.empty(), true, Optional.empty(),
                EnumSet.allOf(GpJobSpec.FeatureFormat.class), 4326);
    }

    private GpJobRecord intent(String job, String file, String sha) {
        return store.recordIntent(new GpJobStore.NewJob(spec(job), file, dir.resolve("processing").resolve(file), sha,
                JsonNodeFactory.instance.objectNode(), NOW + 60_000));
    }

    @Test
    void anH2StoreIsLeftOpenAtJvmExitForTheFlowToCloseAfterItsDownloadsUnlessItsUrlSaysOtherwise() {
        assertEquals("jdbc:h2:file:/data/gp-jobs;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                GpJobStore.closedByTheFlow("jdbc:h2:file:/data/gp-jobs;WRITE_DELAY=0"));
        assertEquals("jdbc:h2:mem:gp;db_close_on_exit=true", GpJobStore.closedByTheFlow("jdbc:h2:mem:gp;db_close_on_exit=true"));
        assertEquals("jdbc:postgresql://db/gis", GpJobStore.closedByTheFlow("jdbc:postgresql://db/gis"));
    }

    @Test
    void aJobIsRecordedBeforeSubmissionThenKeepsTheServersIdAndItsStatusHistory() {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        assertEquals(GpPhase.SUBMITTING, job.phase());
        assertTrue(job.serverJobId().isEmpty());

        store.recordSubmitted(job.id(), "j1", GpJobStatus.SUBMITTED, NOW + 1_000);
        store.recordPoll(job.id(), GpJobStatus.SUBMITTED, "esriJobSubmitted", null, NOW + 2_000);
        store.recordPoll(job.id(), GpJobStatus.EXECUTING, "esriJobExecuting 20%", NOW, NOW + 3_000);
        GpJobRecord running = store.find(job.id()).orElseThrow();
        assertEquals(GpPhase.RUNNING, running.phase());
        assertEquals(Optional.of("j1"), running.serverJobId());
        assertEquals(Optional.of(GpJobStatus.EXECUTING), running.status());
        assertEquals(2, running.pollCount());
        assertEquals(List.of(GpJobStatus.SUBMITTED, GpJobStatus.EXECUTING),
                store.history(job.id()).stream().map(GpStatusChange::status).toList());
    }

    @Test
    void theSameContentForTheSameJobIsADuplicateWhileTheFirstIsInProgressOrSucceeded() {
        GpJobRecord first = intent("buffers", "points.geojson", SHA);
        GpStepException inProgress = assertThrows(GpStepException.class, () -> intent("buffers", "copy.geojson", SHA));
        assertEquals("duplicate", inProgress.failure().reasonCode());
        assertTrue(inProgress.failure().reason().contains("points.geojson"));

        store.recordFinished(first.id(), GpPhase.SUCCEEDED, null, null);
        assertThrows(GpStepException.class, () -> intent("buffers", "copy.geojson", SHA));
    }

    @Test
    void aFailedJobFreesItsContentForARetry() {
        GpJobRecord first = intent("buffers", "points.geojson", SHA);
        store.recordFinished(first.id(), GpPhase.FAILED, GpFailure.of("run GP job", "failed", "job-failed", List.of()), null);
        assertEquals(GpPhase.SUBMITTING, intent("buffers", "points.geojson", SHA).phase());
    }

    @Test
    void theSameContentForAnotherJobOrOtherContentIsNoDuplicate() {
        intent("buffers", "points.geojson", SHA);
        intent("other", "points.geojson", SHA);
        intent("buffers", "points.geojson", "b".repeat(64));
        assertEquals(2, store.jobsOf("buffers").size());
    }

    @Test
    void dueJobsAreRunningOrDownloadingJobsWhoseTimeHasComeLongestWaitingFirst() {
        GpJobRecord late = intent("buffers", "a.geojson", "1".repeat(64));
        GpJobRecord early = intent("buffers", "b.geojson", "2".repeat(64));
        GpJobRecord future = intent("buffers", "c.geojson", "3".repeat(64));
        intent("buffers", "d.geojson", "4".repeat(64)); // still submitting: not the poller's
        store.recordSubmitted(late.id(), "j1", GpJobStatus.SUBMITTED, NOW - 100);
        store.recordSubmitted(early.id(), "j2", GpJobStatus.SUBMITTED, NOW - 500);
        store.recordSubmitted(future.id(), "j3", GpJobStatus.SUBMITTED, NOW + 500);
        assertEquals(List.of(early.id(), late.id()), store.due(NOW, 10).stream().map(GpJobRecord::id).toList());
        assertEquals(1, store.due(NOW, 1).size());
    }

    @Test
    void submissionsUnderWayBeforeAStartAreTheInterruptedOnes() {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        assertEquals(List.of(job.id()), store.interruptedSubmissions(NOW + 1).stream().map(GpJobRecord::id).toList());
        assertEquals(List.of(), store.interruptedSubmissions(NOW));
    }

    @Test
    void anOutputIsRecordedOncePerFileName() {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        GpOutputRecord raster = new GpOutputRecord("raster.tif", "Output_Raster", "RASTER", 10, SHA, NOW, null);
        store.recordOutput(job.id(), raster);
        assertThrows(GpJobStore.StoreException.class, () -> store.recordOutput(job.id(), raster));
        assertEquals(List.of(raster), store.outputs(job.id()));
    }

    @Test
    void whatWasRecordedIsThereAfterTheStoreIsClosedAndOpenedAgain() {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        store.recordSubmitted(job.id(), "j1", GpJobStatus.SUBMITTED, NOW);
        store.close();
        store = newStore();
        store.open();
        assertEquals(Optional.of("j1"), store.find(job.id()).orElseThrow().serverJobId());
        assertEquals(spec("buffers"), store.find(job.id()).orElseThrow().spec());
    }

    @Test
    void startingUpMakesEveryRunningJobDueAtOnce() {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        store.recordSubmitted(job.id(), "j1", GpJobStatus.SUBMITTED, NOW + 60_000);
        assertEquals(1, store.resumeAll(NOW));
        assertEquals(1, store.due(NOW, 10).size());
    }
}
