package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.giscamel.gp.GpFlowHarness.json;
import static org.giscamel.gp.GpFlowHarness.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A raster dropped for a task that takes one: uploaded, then passed by its itemID. */
class GpUploadInputTest {

    /** The start of a little-endian TIFF, enough for the server to recognise the format. */
    private static final byte[] TIFF = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private GpFlowHarness flow;

    @BeforeEach
    void start() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
        flow = GpFlowHarness.start(dir, arcgis, List.of(new GpFlowHarness.Job("rasters",
                GpFlowHarness.RASTER_INFO_TASK, "Input_Raster", Map.of())), Map.of());
    }

    @AfterEach
    void stop() {
        flow.close();
        arcgis.close();
    }

    @Test
    void aRasterIsUploadedAndTheServerProcessesExactlyItsBytes() throws Exception {
        flow.drop("rasters", "elevation.tif", TIFF);
        GpJobRecord job = flow.awaitFinished("rasters", "elevation.tif");
        assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());

        JsonNode results = json(flow.jobFolder("rasters", job).resolve("results.json"));
        assertEquals("TIFF", results.at("/Output_Format/value").asText());
        assertEquals(TIFF.length, results.at("/Output_Size/value").asInt());
        assertEquals(sha256(TIFF), results.at("/Output_SHA256/value").asText());
        assertEquals(1, arcgis.requests().count("POST", ".*/RasterInfo/GPServer/uploads/upload"));
    }
}
