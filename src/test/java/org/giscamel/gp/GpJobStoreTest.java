package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job store and the state machine that writes it: what is recorded at each move, and what is refused. */
class GpJobStoreTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final String SHA = "a".repeat(64);
    private static final GpFailure FAILED = GpFailure.of("run GP job", "failed", "job-failed", List.of());

    @TempDir
    Path dir;
    private GpStoreFixture fixture;
    private GpJobStore store;
    private GpJobLifecycle jobs;

    @BeforeEach
    void open() {
        reopen();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void reopen() {
        fixture = GpStoreFixture.open(dir, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        store = fixture.store();
        jobs = fixture.jobs();
    }

    private GpJobRecord intent(String job, String file, String sha) {
        return fixture.recorded(GpStoreFixture.spec(job, "file:" + dir.resolve("outbox")), file,
                dir.resolve("processing").resolve(file), sha, NOW + 60_000);
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

        job = jobs.submitted(job, "j1", GpJobStatus.SUBMITTED, NOW + 1_000);
        job = jobs.polled(job, GpJobStatus.SUBMITTED, "esriJobSubmitted", null, NOW + 2_000);
        jobs.polled(job, GpJobStatus.EXECUTING, "esriJobExecuting 20%", NOW, NOW + 3_000);
        GpJobRecord running = store.find(job.id()).orElseThrow();
        assertEquals(GpPhase.RUNNING, running.phase());
        assertEquals(Optional.of("j1"), running.serverJobId());
        assertEquals(Optional.of(GpJobStatus.EXECUTING), running.status());
        assertEquals(2, running.pollCount());
        assertEquals(List.of(GpJobStatus.SUBMITTED, GpJobStatus.EXECUTING),
                store.history(job.id()).stream().map(GpStatusChange::status).toList());
    }

    @Test
    void theSameContentForTheSameJobIsADuplicateWhileTheFirstIsInProgressOrSucceeded() throws Exception {
        GpJobRecord first = intent("buffers", "points.geojson", SHA);
        GpStepException inProgress = assertThrows(GpStepException.class, () -> intent("buffers", "copy.geojson", SHA));
        assertEquals("duplicate", inProgress.failure().reasonCode());
        assertTrue(inProgress.failure().reason().contains("points.geojson"));

        fixture.finished(fixture.downloading(first, "j1"), GpJobLifecycle.End.succeeded(List.of()));
        GpStepException succeeded = assertThrows(GpStepException.class, () -> intent("buffers", "copy.geojson", SHA));
        assertTrue(succeeded.failure().reason().contains("which has succeeded"), succeeded.failure().reason());
    }

    @Test
    void aFailedJobFreesItsContentForARetry() throws Exception {
        jobs.rejected(intent("buffers", "points.geojson", SHA), FAILED);
        GpJobRecord timedOut = intent("buffers", "points.geojson", SHA);
        fixture.finished(jobs.submitted(timedOut, "j1", GpJobStatus.EXECUTING, NOW),
                GpJobLifecycle.End.timedOut(GpJobStatus.EXECUTING, FAILED, null));
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
    void dueJobsAreThoseWhoseTimeHasComeLongestWaitingFirst() {
        GpJobRecord late = intent("buffers", "a.geojson", "1".repeat(64));
        GpJobRecord early = intent("buffers", "b.geojson", "2".repeat(64));
        GpJobRecord future = intent("buffers", "c.geojson", "3".repeat(64));
        intent("buffers", "d.geojson", "4".repeat(64)); // still submitting: not the poller's
        jobs.submitted(late, "j1", GpJobStatus.SUBMITTED, NOW - 100);
        jobs.submitted(early, "j2", GpJobStatus.SUBMITTED, NOW - 500);
        jobs.submitted(future, "j3", GpJobStatus.SUBMITTED, NOW + 500);
        EnumSet<GpPhase> worked = EnumSet.of(GpPhase.RUNNING, GpPhase.DOWNLOADING, GpPhase.COMPLETING);
        assertEquals(List.of(early.id(), late.id()), store.due(worked, NOW, 10).stream().map(GpJobRecord::id).toList());
        assertEquals(1, store.due(worked, NOW, 1).size());
    }

    @Test
    void aSubmissionUnderWayBeforeAStartIsNotSentAgainButEndsAsFailedWithItsReport() throws Exception {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        Files.createDirectories(job.inputPath().getParent());
        Files.writeString(job.inputPath(), "{}");
        assertEquals(0, jobs.resume(NOW), "recorded by this start: its own submission, in progress");

        assertEquals(1, jobs.resume(NOW + 1));
        GpJobRecord decided = store.find(job.id()).orElseThrow();
        assertEquals(GpPhase.COMPLETING, decided.phase());
        assertEquals("submit-outcome-unknown", decided.failure().orElseThrow().reasonCode());

        GpJobRecord ended = jobs.complete(decided);
        assertEquals(GpPhase.FAILED, ended.phase());
        Path folder = dir.resolve("outbox").resolve(ended.outputFolder());
        JsonNode report = GpFlowHarness.json(folder.resolve("job.json"));
        assertEquals(job.id(), report.path("jobId").asText());
        assertEquals("FAILED", report.path("result").asText());
        assertTrue(Files.exists(dir.resolve("failed/points.geojson")), "the input beside its error file");
        assertEquals(job.id(), GpFlowHarness.json(dir.resolve("failed/points.geojson.error.json")).path("jobId").asText());
    }

    @Test
    void anOutputIsRecordedOncePerFileName() {
        GpJobRecord job = fixture.downloading(intent("buffers", "points.geojson", SHA), "j1");
        GpOutputRecord raster = new GpOutputRecord("raster.tif", "Output_Raster", "RASTER", 10, SHA, NOW, null);
        jobs.outputWritten(job, raster);
        assertThrows(GpJobStore.StoreException.class, () -> jobs.outputWritten(job, raster));
        assertEquals(List.of(raster), store.outputs(job.id()));
    }

    @Test
    void aMoveIsRecordedOnlyFromThePhaseTheJobIsStillInAndOnlyAlongTheMachinesArrows() {
        GpJobRecord submitting = intent("buffers", "points.geojson", SHA);
        GpJobRecord running = jobs.submitted(submitting, "j1", GpJobStatus.SUBMITTED, NOW);

        IllegalStateException stale = assertThrows(IllegalStateException.class,
                () -> jobs.submitted(submitting, "j2", GpJobStatus.SUBMITTED, NOW), "a second submission");
        assertTrue(stale.getMessage().contains("no longer SUBMITTING"), stale.getMessage());
        assertEquals(Optional.of("j1"), store.find(running.id()).orElseThrow().serverJobId(), "nothing written");

        assertThrows(IllegalStateException.class, () -> jobs.executed(running, JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.arrayNode()), "RUNNING to DOWNLOADING by execute");
        assertFalse(GpJobLifecycle.allowed(GpPhase.RUNNING, GpPhase.SUCCEEDED), "an end without its report");
        assertFalse(GpJobLifecycle.allowed(GpPhase.SUCCEEDED, GpPhase.COMPLETING), "a finished job moves no more");
    }

    @Test
    void aJobSucceedsOnceItsReportIsWrittenAndItsInputIsInDone() throws Exception {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        Files.createDirectories(job.inputPath().getParent());
        Files.writeString(job.inputPath(), "{}");
        GpJobRecord downloading = fixture.downloading(job, "j1");
        jobs.outputWritten(downloading, new GpOutputRecord("out.tif", "Output_Raster", "RASTER", 10, SHA, NOW, null));
        GpJobRecord decided = jobs.decide(downloading, GpJobLifecycle.End.succeeded(List.of("no map image")));
        assertEquals(Optional.of(GpPhase.SUCCEEDED), decided.outcome());
        assertFalse(decided.phase().isFinished(), "decided, not ended");

        GpJobRecord ended = jobs.complete(decided);
        assertEquals(GpPhase.SUCCEEDED, ended.phase());
        JsonNode report = GpFlowHarness.json(dir.resolve("outbox").resolve(ended.outputFolder()).resolve("job.json"));
        assertEquals(job.id(), report.path("jobId").asText());
        assertEquals("j1", report.path("serverJobId").asText());
        assertEquals("no map image", report.path("warnings").get(0).asText());
        assertTrue(Files.exists(dir.resolve("done/points.geojson")));
    }

    @Test
    void whatWasRecordedIsThereAfterTheStoreIsClosedAndOpenedAgain() {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        jobs.submitted(job, "j1", GpJobStatus.SUBMITTED, NOW);
        fixture.close();
        reopen();
        assertEquals(Optional.of("j1"), store.find(job.id()).orElseThrow().serverJobId());
        assertEquals(GpStoreFixture.spec("buffers", "file:" + dir.resolve("outbox")),
                store.find(job.id()).orElseThrow().spec());
    }

    @Test
    void startingUpMakesEveryJobInProgressDueAtOnce() {
        GpJobRecord job = intent("buffers", "points.geojson", SHA);
        jobs.submitted(job, "j1", GpJobStatus.SUBMITTED, NOW + 60_000);
        assertEquals(1, jobs.resume(NOW));
        assertEquals(1, store.due(EnumSet.of(GpPhase.RUNNING), NOW, 10).size());
    }
}
