package org.giscamel.gp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poller works each job on its own: a job whose step keeps failing holds up no other. */
class GpStepIsolationTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final FastGpEmulator emulator = new FastGpEmulator();

    @Test
    void aJobWhoseOutputsCannotBeWrittenIsTriedAgainWhileAnotherJobFinishes() throws Exception {
        // an endpoint nothing consumes: every write of the first job's outputs fails
        GpFlowHarness.Job stuck = GpFlowHarness.Job.buffer("stuck").with("output", "direct:nowhere?block=false");
        GpFlowHarness.Job fine = GpFlowHarness.Job.buffer("fine");
        try (GpFlowHarness flow = GpFlowHarness.start(dir, emulator.arcgis(), List.of(stuck, fine), Map.of())) {
            flow.drop("stuck", "points.geojson", POINTS);
            await().atMost(Duration.ofSeconds(30)).until(() -> flow.store().jobsOf("stuck").stream()
                    .anyMatch(j -> j.phase() == GpPhase.DOWNLOADING && j.errorCount() > 0));

            flow.drop("fine", "points.geojson", POINTS);
            GpJobRecord done = flow.awaitFinished("fine", "points.geojson");
            assertEquals(GpPhase.SUCCEEDED, done.phase(), () -> done.failure().toString());
            assertTrue(Files.exists(flow.jobFolder("fine", done).resolve("job.json")));

            GpJobRecord retried = flow.store().jobsOf("stuck").get(0);
            assertEquals(GpPhase.DOWNLOADING, retried.phase(), "still tried again, before its deadline");
            assertTrue(retried.errorCount() > 1, "tried again: " + retried.errorCount());
            assertTrue(retried.nextPollAt() > retried.createdAt(), "after a delay");
        }
    }
}
