package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GP jobs on a real OGC WPS 1.0.0 server (PyWPS from Debian): the same drop, job store, poller, progress log and
 * downloader as ArcGIS jobs, with the WPS protocol adapter.
 */
class WpsJobTest {

    @TempDir
    static Path serverDir;
    private static PyWpsServer wps;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        wps = PyWpsServer.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        if (wps != null) {
            wps.close();
        }
    }

    private GpFlowHarness.Job job(String name, String process) {
        return new GpFlowHarness.Job(name, wps.endpoint(), "name", Map.of("backend", "wps", "process", process,
                "parameters", "{\"_outputs\": [\"raster\"]}"));
    }

    @Test
    void aSucceededProcessHasItsGeoTiffDownloadedAndItsProgressLoggedOnce() throws Exception {
        List<String> progress;
        GpJobRecord record;
        try (LogCapture log = LogCapture.debug("org.giscamel.gp");
             GpFlowHarness flow = GpFlowHarness.start(dir, List.of(job("tiles", "slowtiff")), Map.of())) {
            flow.drop("tiles", "area.txt", "north field");
            record = flow.awaitFinished("tiles", "area.txt");
            progress = log.lines().stream().filter(l -> l.contains("GpPoller") && l.contains("esriJobExecuting"))
                    .toList();
            assertEquals(GpPhase.SUCCEEDED, record.phase(), () -> record.failure().toString());
            assertEquals(4, record.status().orElseThrow().code());
            Path folder = flow.jobFolder("tiles", record);
            assertEquals(GpFlowHarness.sha256(wps.tiff()), GpFlowHarness.sha256(folder.resolve("test.tif")));
            JsonNode literals = GpFlowHarness.json(folder.resolve("results.json"));
            assertTrue(literals.toString().contains("area.txt"), literals::toString);
            assertTrue(Files.exists(flow.inbox("tiles").resolve(GpInbox.DONE).resolve("area.txt")));
        }
        for (int percent : new int[]{20, 40, 60, 80}) {
            long lines = progress.stream().filter(l -> l.contains(" " + percent + "% step at " + percent)).count();
            assertEquals(1, lines, percent + "% logged once: " + progress);
        }
    }

    @Test
    void aFailedProcessEndsWithCodeFiveAndTheServersExceptionText() throws Exception {
        try (GpFlowHarness flow = GpFlowHarness.start(dir, List.of(job("doomed", "broken")), Map.of())) {
            flow.drop("doomed", "field.txt", "south field");
            GpJobRecord record = flow.awaitFinished("doomed", "field.txt");
            assertEquals(GpPhase.FAILED, record.phase());
            assertEquals(5, record.status().orElseThrow().code());
            assertTrue(record.failure().orElseThrow().serverMessages().toString().contains("cannot process field.txt"),
                    () -> record.failure().toString());
            JsonNode error = flow.awaitFailedDrop("doomed", "field.txt");
            assertTrue(error.toString().contains("cannot process field.txt"), error::toString);
        }
    }
}
