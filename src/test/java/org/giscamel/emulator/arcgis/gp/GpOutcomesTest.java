package org.giscamel.emulator.arcgis.gp;

import java.time.Duration;
import org.giscamel.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripted terminal outcomes (Java handle and control API) and failures the tool itself detects. */
class GpOutcomesTest {

    private final MutableClock clock = new MutableClock();
    private GpTestSite site;

    @BeforeEach
    void start() throws IOException {
        GpSettings settings = GpSettings.defaults();
        settings.spreadMillis = 0;
        site = GpTestSite.start(settings, clock);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private JsonNode finished(String jobId) {
        clock.advance(Duration.ofMillis(10_000));
        return site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId);
    }

    private static List<String> errorMessages(JsonNode job) {
        return StreamSupport.stream(job.get("messages").spliterator(), false)
                .filter(m -> m.get("type").asText().equals("esriJobMessageTypeError"))
                .map(m -> m.get("description").asText()).toList();
    }

    private JsonNode control(String method, String pathAndQuery) {
        return GpTestSite.json(site.send(HttpRequest.newBuilder(URI.create(site.url(pathAndQuery)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build()));
    }

    @Test
    void scriptedFailureEndsFailedWithErrorMessagesAndNoResults() {
        site.gp.jobs().scriptNext(GpOutcome.FAILED, 1);
        JsonNode job = finished(site.submitBufferJob());
        assertEquals("esriJobFailed", job.get("jobStatus").asText());
        assertTrue(errorMessages(job).get(0).startsWith("ERROR 999999"));
        assertEquals("Failed.", errorMessages(job).get(errorMessages(job).size() - 1));
        assertFalse(job.has("results"));
    }

    @Test
    void scriptedTimeoutEndsTimedOut() {
        site.gp.jobs().scriptNext(GpOutcome.TIMED_OUT, 1);
        assertEquals("esriJobTimedOut", finished(site.submitBufferJob()).get("jobStatus").asText());
    }

    @Test
    void scriptedServerSideCancelPassesThroughCancelling() {
        site.gp.jobs().scriptNext(GpOutcome.CANCELLED, 1);
        String jobId = site.submitBufferJob();
        clock.advance(Duration.ofMillis(7_000));
        assertEquals("esriJobCancelling", site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId).get("jobStatus").asText());
        assertEquals("esriJobCancelled", finished(jobId).get("jobStatus").asText());
    }

    @Test
    void controlApiScriptsTheNextJobsOnly() {
        control("POST", "/__emulator/gp/outcomes?outcome=Failed&times=2");
        String first = site.submitBufferJob();
        String second = site.submitBufferJob();
        String third = site.submitBufferJob();
        clock.advance(Duration.ofMillis(10_000));
        assertEquals("esriJobFailed", site.get(GpTestSite.BUFFER_TASK + "/jobs/" + first).get("jobStatus").asText());
        assertEquals("esriJobFailed", site.get(GpTestSite.BUFFER_TASK + "/jobs/" + second).get("jobStatus").asText());
        assertEquals("esriJobSucceeded", site.get(GpTestSite.BUFFER_TASK + "/jobs/" + third).get("jobStatus").asText());
        assertEquals(2, control("GET", "/__emulator/gp/jobs").at("/counts/esriJobFailed").asInt());
    }

    @Test
    void clearedScriptNoLongerApplies() {
        control("POST", "/__emulator/gp/outcomes?outcome=esriJobTimedOut&times=5");
        control("DELETE", "/__emulator/gp/outcomes");
        assertEquals("esriJobSucceeded", finished(site.submitBufferJob()).get("jobStatus").asText());
    }

    @Test
    void missingRequiredInputFailsTheJobWithError000735() {
        String jobId = site.post(GpTestSite.RASTER_INFO_TASK + "/submitJob").get("jobId").asText();
        clock.advance(Duration.ofMillis(10_000));
        JsonNode job = site.get(GpTestSite.RASTER_INFO_TASK + "/jobs/" + jobId);
        assertEquals("esriJobFailed", job.get("jobStatus").asText());
        assertEquals("ERROR 000735: Input Raster: Value is required", errorMessages(job).get(0));
    }

    @Test
    void inputOutsideTheFeatureClassFilterFailsTheJob() {
        String polygons = "{\"geometryType\":\"esriGeometryPolygon\",\"features\":[]}";
        String jobId = site.post(GpTestSite.BUFFER_TASK + "/submitJob", Map.of("Input_Features", polygons))
                .get("jobId").asText();
        assertTrue(errorMessages(finished(jobId)).get(0).startsWith("ERROR 000366"));
    }

    @Test
    void settingsChangeThroughTheControlApi() {
        JsonNode settings = control("POST", "/__emulator/gp/settings?executingMillis=123&maximumRecords=7");
        assertEquals(123, settings.get("executingMillis").asInt());
        assertEquals(7, site.gp.settings().maximumRecords);
        assertEquals(400, control("POST", "/__emulator/gp/settings?noSuchSetting=1").at("/error/code").asInt());
    }
}
