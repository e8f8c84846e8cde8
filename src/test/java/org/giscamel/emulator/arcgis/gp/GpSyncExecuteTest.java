package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synchronous service: {@code execute} answers the results at once; outputs go to arcgisoutput. */
class GpSyncExecuteTest {

    private GpTestSite site;

    @BeforeEach
    void start() throws IOException {
        site = GpTestSite.start(GpSettings.fast());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private JsonNode execute() {
        return site.post(GpTestSite.SYNC_TASK + "/execute",
                Map.of("Input_Features", GpTestSite.POINTS, "Distance", GpTestSite.DISTANCE));
    }

    private static JsonNode result(JsonNode reply, String param) {
        for (JsonNode r : reply.get("results")) {
            if (r.get("paramName").asText().equals(param)) {
                return r;
            }
        }
        throw new AssertionError(param + " missing from " + reply);
    }

    @Test
    void serviceIsSynchronousWithoutResultMapOrUploads() {
        JsonNode service = site.get(GpTestSite.SERVICES + "Demo/BufferPointsSync/GPServer");
        assertEquals("esriExecutionTypeSynchronous", service.get("executionType").asText());
        assertEquals("", service.get("resultMapServerName").asText());
        assertEquals("", service.get("capabilities").asText());
    }

    @Test
    void executeReturnsEveryOutputAsDataAndNoMessages() {
        JsonNode reply = execute();
        assertEquals(4, reply.get("results").size());
        assertEquals(0, reply.get("messages").size());
        assertEquals(2, result(reply, "Output_Count").get("value").asInt());
        JsonNode buffers = result(reply, "Output_Buffers");
        assertEquals("GPFeatureRecordSetLayer", buffers.get("dataType").asText());
        assertFalse(buffers.get("value").has("mapImage"));
        assertEquals(2, buffers.at("/value/features").size());
    }

    @Test
    void rasterOutputIsAnAgsFileInArcgisoutput() {
        String url = result(execute(), "Output_Raster").at("/value/url").asText();
        assertTrue(url.startsWith(site.url("/arcgis/rest/directories/arcgisoutput/Demo/BufferPointsSync_GPServer/_ags_")), url);
        HttpResponse<byte[]> tif = site.getBytes(url + "?token=" + site.token);
        assertEquals(200, tif.statusCode());
        assertEquals(64, new TiffTags(tif.body()).longs(256)[0]);
    }

    @Test
    void scriptedFailureIsAnErrorReply() {
        site.gp.jobs().scriptNext(GpOutcome.FAILED, 1);
        JsonNode reply = execute();
        assertEquals(500, reply.at("/error/code").asInt());
        assertEquals("Error executing tool.", reply.at("/error/message").asText());
        assertTrue(reply.at("/error/details/0").asText().startsWith("ERROR 999999"));
    }

    @Test
    void operationsOfTheOtherExecutionTypeAreRefused() {
        assertEquals(400, site.post(GpTestSite.SYNC_TASK + "/submitJob").at("/error/code").asInt());
        assertEquals(400, site.post(GpTestSite.BUFFER_TASK + "/execute").at("/error/code").asInt());
    }
}
