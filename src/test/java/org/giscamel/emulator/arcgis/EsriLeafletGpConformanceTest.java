package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.NodeProject;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs esri-leaflet-gp 3.0.0 (npm, under jsdom) against the emulator: a GP client that sends everything by GET,
 * asks for the task metadata with a trailing slash and adds an {@code outputParam} parameter. Fails without
 * Node.js (see {@link NodeProject}).
 */
class EsriLeafletGpConformanceTest {

    private static final String TASK = "/arcgis/rest/services/Demo/BufferPoints/GPServer/BufferPoints";
    private static final Pattern JOB_ID = Pattern.compile("^job id=(\\w+)$", Pattern.MULTILINE);

    private ArcGisEmulator arcgis;

    @BeforeEach
    void start() throws IOException {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    @Test
    void esriLeafletGpRunsJobsWithGetRequests() throws Exception {
        NodeProject.Run run = NodeProject.installed("arcgis").run(
                List.of("node", "esri-leaflet-gp-conformance.mjs", arcgis.siteUrl(), arcgis.config().username),
                Map.of("ARCGIS_PASSWORD", arcgis.config().password));

        run.assertSucceeded().assertPrinted(List.of(
                "metadata GET <task>/ -> initialized async=true path=submitJob",
                "submitJob GET + poll GET jobs/<id> -> Output_Buffers GeoJSON FeatureCollection of 3 Polygons",
                "Output_Raster without returnType -> mapImage and outputMapService <service>/MapServer/jobs/<id>",
                "outputMapService GET -> the job, esriJobSucceeded",
                "CONFORMANCE OK"));

        Matcher jobId = JOB_ID.matcher(run.output());
        assertTrue(jobId.find(), run.output());
        assertEquals(1, arcgis.requests().count("GET", TASK + "/"), "task metadata with a trailing slash");
        assertEquals(2, arcgis.requests().count("GET", TASK + "/submitJob"));
        assertTrue(arcgis.requests().count("GET", TASK + "/jobs/" + jobId.group(1)) >= 2, "polled by GET");
        assertEquals(0, arcgis.requests().count("POST", TASK + "/.*"), "esri-leaflet-gp never POSTs");
    }
}
