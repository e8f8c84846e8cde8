package org.giscamel.status;

import org.giscamel.gp.GpFailure;
import org.giscamel.gp.GpJobLifecycle;
import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobStatus;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpOutputRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.giscamel.status.StatusFixtures.CREATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's model read from a real job store and report folder, and its HTML. */
class StatusPageTest {

    @TempDir
    Path dir;
    private StatusFixtures.Jobs jobs;
    private GpJobStore store;
    private Path reports;

    @BeforeEach
    void open() {
        jobs = StatusFixtures.jobs(dir);
        store = jobs.store();
        reports = dir.resolve("reports");
    }

    @AfterEach
    void close() {
        jobs.close();
    }

    private StatusPage page(GpJobStore jobs) {
        return new StatusPage(new StatusSettings(true, 50, 20, Duration.ofSeconds(10)), () -> jobs, reports,
                Clock.fixed(CREATED.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
    }

    private String outbox() {
        return "file:" + dir.resolve("outbox");
    }

    @Test
    void anEmptyStoreAndNoReportsSayThereIsNothingYet() {
        String html = page(store).html();
        assertTrue(html.contains("No GP job yet"), html);
        assertFalse(html.contains("id=\"job-table\""), html);
        assertTrue(html.contains("No harvest run reported yet in " + reports), html);
    }

    @Test
    void aJobShowsItsStateProgressAgeAndOutputsWithAThumbnailOfItsMapImage() throws Exception {
        GpJobRecord running = jobs.intent("buffer-points", "stations.geojson", outbox());
        running = jobs.lifecycle().submitted(running, "j-running", GpJobStatus.EXECUTING, Long.MAX_VALUE);
        jobs.lifecycle().polled(running, GpJobStatus.EXECUTING, "esriJobExecuting 40% Buffering: step 2 of 5", null,
                Long.MAX_VALUE);
        GpJobRecord done = jobs.downloading(jobs.intent("buffer-points", "points.geojson", outbox()), "j-done");
        jobs.lifecycle().outputWritten(done, new GpOutputRecord("buffers.geojson", "Output_Polygons", "FEATURES", 2_560,
                "a".repeat(64), CREATED.toEpochMilli(), null));
        jobs.lifecycle().outputWritten(done, new GpOutputRecord("map.png", "mapImage", "MAP_IMAGE", 48_000,
                "b".repeat(64), CREATED.toEpochMilli(), null));
        jobs.fixture().finished(done, GpJobLifecycle.End.succeeded(List.of()));

        StatusSnapshot snapshot = page(store).snapshot();
        assertEquals(2, snapshot.jobTotal());
        String html = StatusPageHtml.render(snapshot, Duration.ofSeconds(10));
        assertTrue(html.contains("data-job=\"" + running.id() + "\" data-phase=\"RUNNING\""), html);
        assertTrue(html.contains("<progress max=\"100\" value=\"40\">"), html);
        assertTrue(html.contains("esriJobExecuting 40% Buffering: step 2 of 5"), html);
        assertTrue(html.contains("id " + running.id()) && html.contains("server job j-running"), "both ids: " + html);
        assertTrue(html.contains(">5 min<"), html);
        assertTrue(html.contains("data-job=\"" + done.id() + "\" data-phase=\"SUCCEEDED\""), html);
        assertTrue(html.contains("<img class=\"thumb\" src=\"/status/jobs/" + done.id() + "/map.png\""), html);
        assertTrue(html.contains("buffers.geojson <span class=\"sub\">FEATURES · 2.5 KB</span>"), html);
        assertTrue(html.contains("map.png <span class=\"sub\">MAP_IMAGE · 46.9 KB</span>"), html);
        assertTrue(html.contains(">RUNNING 1<") && html.contains(">SUCCEEDED 1<"), html);
    }

    @Test
    void aMapImageInARemoteOutboxIsListedWithoutAThumbnail() {
        GpJobRecord job = jobs.downloading(jobs.intent("to-sftp", "points.geojson", "sftp://files.example.com/gp"), "j1");
        jobs.lifecycle().outputWritten(job, new GpOutputRecord("map.png", "mapImage", "MAP_IMAGE", 100, "c".repeat(64),
                CREATED.toEpochMilli(), null));

        String html = page(store).html();
        assertTrue(html.contains("map.png <span class=\"sub\">MAP_IMAGE"), html);
        assertFalse(html.contains("<img"), html);
    }

    @Test
    void aFailedJobShowsTheStepTheReasonAndTheServersMessages() {
        GpJobRecord job = jobs.intent("buffer-points", "points.geojson", outbox());
        jobs.lifecycle().rejected(job, new GpFailure("run GP job", "the job failed on the server", "job-failed", 0,
                null, List.of("ERROR 000735: Distance: Value is required")));

        String html = page(store).html();
        assertTrue(html.contains("data-phase=\"FAILED\""), html);
        assertTrue(html.contains("run GP job: the job failed on the server"), html);
        assertTrue(html.contains("<li>ERROR 000735: Distance: Value is required</li>"), html);
    }

    @Test
    void everyValueFromOutsideIsEscaped() throws Exception {
        GpJobRecord job = jobs.downloading(jobs.intent("buffer-points", "<script>alert('x')</script>.geojson",
                outbox()), "j1");
        jobs.lifecycle().outputWritten(job, new GpOutputRecord("m\"ap<1>.png", "mapImage", "MAP_IMAGE", 10,
                "d".repeat(64), CREATED.toEpochMilli(), "<u>cut short</u>"));
        jobs.fixture().finished(job, GpJobLifecycle.End.failed(GpFailure.of("run GP job",
                "\"><img src=x onerror=alert(1)>", "job-failed", List.of("<b>server</b> & co"))));
        StatusFixtures.report(reports, "main", "20260115T100000.000Z", "PARTIAL", "<svg onload=alert(2)>",
                List.of("<iframe src=//evil>"));

        String html = page(store).html();
        for (String injected : List.of("<script>", "<img src=x", "<b>", "<u>", "<svg", "<iframe", "\"ap<1>")) {
            assertFalse(html.contains(injected), injected + " reached the page unescaped: " + html);
        }
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;.geojson"), html);
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("&lt;b&gt;server&lt;/b&gt; &amp; co"), html);
        assertTrue(html.contains("src=\"/status/jobs/" + job.id() + "/m%22ap%3C1%3E.png\""), html);
        assertTrue(html.contains("&lt;svg onload=alert(2)&gt;"), html);
    }

    @Test
    void aFailedHarvestRunShowsItsCountsItsReasonAndItsFirstFailedWrites() throws Exception {
        List<String> errors = IntStream.rangeClosed(1, 7).mapToObj(i -> "HTTP 500 from iPortal #" + i).toList();
        StatusFixtures.report(reports, "main", "20260115T100000.000Z", "PARTIAL", "7 writes failed", errors);

        StatusSnapshot snapshot = page(store).snapshot();
        HarvestRunSummary run = snapshot.runs().get(0);
        assertEquals(7, run.itemErrorCount());
        assertEquals(StatusPage.ERRORS_PER_RUN, run.itemErrors().size());
        assertEquals("CREATE Folder/Service0 (MapServer): HTTP 500 from iPortal #1", run.itemErrors().get(0));
        String html = StatusPageHtml.render(snapshot, Duration.ZERO);
        assertTrue(html.contains("data-source=\"main\" data-status=\"PARTIAL\""), html);
        assertTrue(html.contains("<span class=\"badge warn\">PARTIAL</span>"), html);
        assertTrue(html.contains("12 services read · 10 registrations owned"), html);
        assertTrue(html.contains("<span class=\"error\">failed 7</span>"), html);
        assertTrue(html.contains("7 writes failed"), html);
        assertTrue(html.contains("Failed writes: 7"), html);
        assertTrue(html.contains("<li>folder Secured: HTTP 403</li>"), html);
        assertTrue(html.contains("<li>and 2 more in the report</li>"), html);
        assertTrue(html.contains("took 2.5 s"), html);
        assertFalse(html.contains("reloads every"), html);
    }

    @Test
    void aJobStoreThatCannotBeReadBecomesALineOnThePage() {
        store.close();
        String html = page(store).html();
        assertTrue(html.contains("The GP job store could not be read"), html);
        assertTrue(html.contains("id=\"harvest\""), html);
    }

    @Test
    void anApplicationWithoutAJobStoreSaysSo() {
        assertTrue(page(null).html().contains("This application has no GP job store."));
    }
}
