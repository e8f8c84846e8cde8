package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpOutcome;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that cannot be a job's input fail clearly, and nothing reaches the server. */
class GpRejectedDropTest {

    private static final String POLYGON = """
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
             "coordinates": [[[-117.2, 34.0], [-117.1, 34.0], [-117.1, 34.1], [-117.2, 34.0]]]}}""";

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private GpFlowHarness flow;

    @BeforeEach
    void start() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
        flow = GpFlowHarness.start(dir, arcgis, List.of(GpFlowHarness.Job.buffer("buffers"),
                new GpFlowHarness.Job("sync", GpFlowHarness.SYNC_TASK, "Input_Features",
                        Map.of("parameters", GpFlowHarness.DISTANCE))), Map.of());
    }

    @AfterEach
    void stop() {
        flow.close();
        arcgis.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "broken.geojson | {\"type\": \"FeatureCollection\", \"features\": [ | malformed-json",
            "empty.geojson  |                                              | empty-file",
            "notes.docx     | some text                                    | unsupported-file-type",
            "area.geojson   | POLYGON                                      | wrong-geometry-type"})
    void aFileThatCannotBeTheInputFailsWithItsReasonAndNothingIsSubmitted(String name, String content,
                                                                          String reasonCode) throws Exception {
        flow.drop("buffers", name, "POLYGON".equals(content) ? POLYGON : content == null ? "" : content);
        JsonNode error = flow.awaitFailedDrop("buffers", name);

        assertEquals(reasonCode, error.path("reasonCode").asText(), error::toString);
        assertEquals("read input", error.path("step").asText());
        assertTrue(error.path("reason").asText().startsWith(name + ":"), error::toString);
        assertTrue(Files.exists(flow.inbox("buffers").resolve("failed").resolve(name)));
        assertEquals(0, GpFlowHarness.serverJobs(arcgis));
        assertEquals(List.of(), flow.store().jobsOf("buffers"));
    }

    @Test
    void aDataFileForAServiceWithoutUploadsFailsBeforeAnythingIsSent() throws Exception {
        flow.drop("sync", "parcels.zip", new byte[]{'P', 'K', 3, 4, 0, 0});
        JsonNode error = flow.awaitFailedDrop("sync", "parcels.zip");

        assertEquals("upload-not-supported", error.path("reasonCode").asText(), error::toString);
        assertEquals(0, arcgis.requests().count(null, ".*/uploads/.*|.*/execute"));
    }

    @Test
    void theSameContentDroppedAgainIsADuplicateAndIsNotSubmitted() throws Exception {
        flow.drop("buffers", "points.geojson", POINTS);
        flow.awaitFinished("buffers", "points.geojson");
        flow.drop("buffers", "points-copy.geojson", POINTS);
        JsonNode error = flow.awaitFailedDrop("buffers", "points-copy.geojson");

        assertEquals("duplicate", error.path("reasonCode").asText());
        assertTrue(error.path("reason").asText().contains("points.geojson"), error::toString);
        assertEquals(1, GpFlowHarness.serverJobs(arcgis));
    }

    @Test
    void theContentOfAFailedJobMayBeDroppedAgainAsARetry() throws Exception {
        arcgis.gp().scriptNext(GpOutcome.FAILED, 1);
        flow.drop("buffers", "points.geojson", POINTS);
        flow.awaitFailedDrop("buffers", "points.geojson");
        flow.drop("buffers", "points.geojson", POINTS);
        GpJobRecord retry = flow.awaitFinishedJobs("buffers", 2).get(1);

        assertEquals(GpPhase.SUCCEEDED, retry.phase());
        assertEquals(2, GpFlowHarness.serverJobs(arcgis));
        assertTrue(Files.exists(flow.inbox("buffers").resolve("done/points.geojson")));
    }
}
