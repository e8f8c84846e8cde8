package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.giscamel.gp.GpFlowHarness.fileNames;
import static org.giscamel.gp.GpFlowHarness.json;
import static org.giscamel.gp.GpFlowHarness.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A {@code file:} output declared with endpoint options: the options apply, and the folder is the path alone. */
class GpOutputOptionsTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final FastGpEmulator emulator = new FastGpEmulator();

    @Test
    void theOutputsAreWrittenWithTheOptionsInTheFolderTheUriNames() throws Exception {
        Path outbox = dir.resolve("shared");
        GpFlowHarness.Job job = GpFlowHarness.Job.buffer("buffers").with("output", "file:" + outbox + "?chmod=640");
        try (GpFlowHarness flow = GpFlowHarness.start(dir, emulator.arcgis(), List.of(job), Map.of())) {
            flow.drop("buffers", "points.geojson", POINTS);
            GpJobRecord done = flow.awaitFinished("buffers", "points.geojson");
            assertEquals(GpPhase.SUCCEEDED, done.phase(), () -> done.failure().toString());

            assertEquals(List.of(done.outputFolder()), fileNames(outbox), "one job folder, named without the options");
            Path folder = outbox.resolve(done.outputFolder());
            assertEquals(List.of("Output_Buffers.esri.json", "Output_Buffers.geojson", "buffer_raster.tif",
                    "buffer_report.txt", "job.json", "job.log", "results.json"), fileNames(folder));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                            file.toString());
                }
            }
            JsonNode report = json(folder.resolve("job.json"));
            for (JsonNode output : report.path("outputs")) {
                assertEquals(output.path("sha256").asText(), sha256(folder.resolve(output.path("file").asText())),
                        output.toString());
            }
            assertFalse(Files.exists(dir.resolve("outbox")), "nothing in the default outbox");
        }
    }
}
