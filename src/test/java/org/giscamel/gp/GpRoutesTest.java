package org.giscamel.gp;

import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped route files load as they are, and a wrong job declaration stops the start with a clear message. */
class GpRoutesTest {

    @TempDir
    Path dir;

    private Map<String, String> properties() {
        return Map.of("gis.arcgis.url", "https://gis.example.com/arcgis", "gis.arcgis.username", "gp",
                "gis.arcgis.password", "secret", "gis.gp.inbox", dir.resolve("inbox").toString(),
                "gis.gp.outbox", dir.resolve("outbox").toString(), "gis.gp.data-dir", dir.resolve("data").toString());
    }

    @Test
    void theTemplateAndTheShippedJobDeclarationsStart() throws Exception {
        try (OneShotCamel camel = OneShotCamel.start(ConfigFiles.locate(), properties(), List.of(new GpBeans()),
                List.of("file:routes/gp-job-template.camel.yaml", "file:routes/gp-jobs.camel.yaml"))) {
            assertTrue(camel.context().getRouteController().getRouteStatus("gp-job-buffer-points").isStarted());
            assertTrue(camel.context().getRouteController().getRouteStatus("gp-job-raster-info").isStarted());
            assertTrue(camel.context().getRouteController().getRouteStatus("gis-gp-poller").isStarted());
            assertTrue(camel.context().getRouteController().getRouteStatus("gp-demo-drop").isStopped(),
                    "the demo drop runs only in demo mode");
            assertTrue(Files.isDirectory(dir.resolve("inbox/buffer-points")));
        }
    }

    @Test
    void aWrongJobDeclarationStopsTheStartNamingTheJobAndParameter() throws Exception {
        Path jobs = dir.resolve("bad.camel.yaml");
        Files.writeString(jobs, GpFlowHarness.jobsYaml(List.of(new GpFlowHarness.Job("broken",
                GpFlowHarness.BUFFER_TASK, "Input_Features", Map.of("deadline", "whenever")))));
        Exception e = assertThrows(Exception.class, () -> OneShotCamel.start(ConfigFiles.locate(), properties(),
                List.of(new GpBeans()), List.of("file:routes/gp-job-template.camel.yaml", "file:" + jobs)));
        String messages = causes(e);
        assertTrue(messages.contains("gis-gp-job 'broken' parameter deadline must be a duration"), messages);
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void theDemoDropCopiesTheSampleIntoTheBufferPointsInbox() throws Exception {
        Map<String, String> demo = new java.util.HashMap<>(properties());
        demo.put("gis.gp.demo-drop", "true");
        try (OneShotCamel camel = OneShotCamel.start(ConfigFiles.locate(), demo, List.of(new GpBeans()),
                List.of("file:routes/gp-job-template.camel.yaml", "file:routes/gp-jobs.camel.yaml"))) {
            Path dropped = dir.resolve("inbox/buffer-points/points.geojson");
            Path claimed = dir.resolve("inbox/buffer-points/processing/points.geojson");
            Path failed = dir.resolve("inbox/buffer-points/failed/points.geojson");
            org.awaitility.Awaitility.await().until(() -> Files.exists(dropped) || Files.exists(claimed)
                    || Files.exists(failed));
            assertEquals(Files.size(Path.of("samples/points.geojson")), Files.size(Files.exists(dropped) ? dropped
                    : Files.exists(claimed) ? claimed : failed));
        }
    }
}
