package org.giscamel.emulator.arcgis.gp;

import java.time.Duration;
import org.giscamel.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Cancel semantics of DOC:cancel-gp-job: only from Waiting or Executing; Cancelling comes before Cancelled. */
class GpCancelTest {

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

    private JsonNode cancel(String jobId) {
        // REST-JS sends returnMessages=false with its cancel request
        return site.post(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "/cancel", Map.of("returnMessages", "false"));
    }

    private String status(String jobId) {
        return site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId).get("jobStatus").asText();
    }

    @Test
    void cancelWhileSubmittedIsRefusedAndTheJobCarriesOn() {
        String jobId = site.submitBufferJob();
        JsonNode reply = cancel(jobId);
        assertEquals(400, reply.at("/error/code").asInt());
        assertEquals("Invalid or missing input parameters.", reply.at("/error/message").asText());
        assertEquals("esriJobSubmitted", status(jobId));
        clock.advance(Duration.ofMillis(7_000));
        assertEquals("esriJobSucceeded", status(jobId));
    }

    @Test
    void cancelWhileWaitingGoesThroughCancellingToCancelled() {
        String jobId = site.submitBufferJob();
        clock.advance(Duration.ofMillis(1_000));
        assertEquals("esriJobCancelling", cancel(jobId).get("jobStatus").asText());
        assertEquals("esriJobCancelling", status(jobId));
        clock.advance(Duration.ofMillis(1_000));
        JsonNode job = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId);
        assertEquals("esriJobCancelled", job.get("jobStatus").asText());
        assertEquals("Cancel complete.", job.at("/messages/1/description").asText(), job.toString());
    }

    @Test
    void cancelWhileExecutingEndsCancelledNotSucceeded() {
        String jobId = site.submitBufferJob();
        clock.advance(Duration.ofMillis(3_000));
        assertEquals("esriJobCancelling", cancel(jobId).get("jobStatus").asText());
        clock.advance(Duration.ofMillis(10_000));
        JsonNode job = site.get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId);
        assertEquals("esriJobCancelled", job.get("jobStatus").asText());
        assertFalse(job.has("results"));
    }

    @Test
    void cancelOfAFinishedJobIsRefused() {
        String jobId = site.submitBufferJob();
        clock.advance(Duration.ofMillis(7_000));
        assertEquals(400, cancel(jobId).at("/error/code").asInt());
        assertEquals("esriJobSucceeded", status(jobId));
    }

    @Test
    void secondCancelWhileCancellingIsRefused() {
        String jobId = site.submitBufferJob();
        clock.advance(Duration.ofMillis(3_000));
        cancel(jobId);
        assertEquals(400, cancel(jobId).at("/error/code").asInt());
    }
}
