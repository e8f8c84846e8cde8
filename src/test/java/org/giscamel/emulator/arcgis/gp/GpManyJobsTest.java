package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A thousand concurrent jobs on the real clock: every one reaches the terminal state it was scripted for. */
class GpManyJobsTest {

    private static final int JOBS = 1000;

    @Test
    void thousandJobsAllReachATerminalState() throws Exception {
        GpSettings settings = GpSettings.fast();
        settings.executingMillis = 200;
        settings.spreadMillis = 800;
        try (GpTestSite site = GpTestSite.start(settings)) {
            site.gp.jobs().scriptNext(GpOutcome.FAILED, 100);
            site.gp.jobs().scriptNext(GpOutcome.TIMED_OUT, 50);
            Set<String> ids = ConcurrentHashMap.newKeySet();
            IntStream.range(0, JOBS).parallel().forEach(i -> ids.add(site.submitBufferJob()));
            assertEquals(JOBS, ids.size());

            HttpRequest jobs = HttpRequest.newBuilder(URI.create(site.url("/__emulator/gp/jobs"))).GET().build();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> GpTestSite.json(site.send(jobs)).at("/counts/esriJobSucceeded").asInt() == JOBS - 150);
            JsonNode counts = GpTestSite.json(site.send(jobs)).get("counts");
            assertEquals(Map.of("esriJobSucceeded", 850, "esriJobFailed", 100, "esriJobTimedOut", 50),
                    Json.MAPPER.convertValue(counts, new TypeReference<Map<String, Integer>>() { }));
        }
    }
}
