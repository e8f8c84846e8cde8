package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Service and task metadata (§4.4, §5.2) and the token rules, seen by GET and POST clients. */
class GpServiceMetadataTest {

    private GpTestSite site;

    @BeforeEach
    void start() throws IOException {
        site = GpTestSite.start(GpSettings.fast());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return site.send(HttpRequest.newBuilder(URI.create(site.url(pathAndQuery))).GET().build());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void asyncServiceHasAResultMapServiceAndUploads() {
        JsonNode service = site.post(GpTestSite.SERVICES + "Demo/BufferPoints/GPServer");
        assertEquals("esriExecutionTypeAsynchronous", service.get("executionType").asText());
        assertEquals("BufferPoints", service.get("resultMapServerName").asText());
        assertEquals("Uploads", service.get("capabilities").asText());
        assertEquals("BufferPoints", service.at("/tasks/0").asText());
        assertEquals(1000, service.get("maximumRecords").asInt());
    }

    @Test
    void taskDescribesItsParameters() {
        JsonNode task = site.get(GpTestSite.BUFFER_TASK);
        assertEquals("esriExecutionTypeAsynchronous", task.get("executionType").asText());
        JsonNode input = task.at("/parameters/0");
        assertEquals("Input_Features", input.get("name").asText());
        assertEquals("esriGPParameterDirectionInput", input.get("direction").asText());
        assertEquals("featureClass", input.at("/filter/type").asText());
        assertEquals("esriGeometryMultipoint", input.at("/filter/list/1").asText());
        assertEquals("esriGPParameterTypeRequired", input.get("parameterType").asText());
        JsonNode distance = task.at("/parameters/1");
        assertEquals("GPLinearUnit", distance.get("dataType").asText());
        assertEquals("esriMeters", distance.at("/defaultValue/units").asText());
        JsonNode raster = task.at("/parameters/3");
        assertEquals("GPRasterDataLayer", raster.get("dataType").asText());
        assertEquals("esriGPParameterDirectionOutput", raster.get("direction").asText());
    }

    @Test
    void esriLeafletGpHabitsWork() {
        String token = "token=" + site.token + "&f=json";
        JsonNode task = GpTestSite.json(get(GpTestSite.BUFFER_TASK + "/?" + token));
        assertEquals("BufferPoints", task.get("name").asText());

        JsonNode submitted = GpTestSite.json(get(GpTestSite.BUFFER_TASK + "/submitJob?Input_Features=" + enc(GpTestSite.POINTS)
                + "&Distance=" + enc(GpTestSite.DISTANCE) + "&outputParam=Output_Buffers&" + token));
        String jobId = submitted.get("jobId").asText();
        assertTrue(jobId.startsWith("j"), submitted.toString());
        assertEquals(jobId, GpTestSite.json(get(GpTestSite.BUFFER_TASK + "/jobs/" + jobId + "?" + token)).get("jobId").asText());
    }

    @Test
    void missingTokenIsTokenRequiredWithHttp200() {
        HttpResponse<String> reply = get(GpTestSite.BUFFER_TASK + "?f=json");
        assertEquals(200, reply.statusCode());
        JsonNode error = GpTestSite.json(reply).get("error");
        assertEquals(499, error.get("code").asInt());
        assertEquals("GWM_0003", error.get("messageCode").asText());
    }

    @Test
    void unknownOrExpiredTokenIsInvalidToken() {
        assertEquals(498, GpTestSite.json(get(GpTestSite.BUFFER_TASK + "?f=json&token=nope")).at("/error/code").asInt());
        site.tokens.expireAll();
        assertEquals(498, site.get(GpTestSite.BUFFER_TASK).at("/error/code").asInt());
    }

    @Test
    void outputFilesNeedTheTokenToo() {
        JsonNode reply = GpTestSite.json(get("/arcgis/rest/directories/arcgisjobs/demo/bufferpoints_gpserver/jx/scratch/a.tif"));
        assertEquals(499, reply.at("/error/code").asInt());
    }

    @Test
    void tokenInTheEsriBearerHeaderIsAccepted() {
        HttpResponse<String> reply = site.send(HttpRequest.newBuilder(URI.create(site.url(GpTestSite.BUFFER_TASK + "?f=json")))
                .header("X-Esri-Authorization", "Bearer " + site.token).GET().build());
        assertEquals("BufferPoints", GpTestSite.json(reply).get("name").asText());
    }

    @Test
    void openServicesNeedNoToken() throws IOException {
        site.close();
        GpSettings settings = GpSettings.fast();
        settings.requireToken = false;
        site = GpTestSite.start(settings);
        assertEquals("BufferPoints", GpTestSite.json(get(GpTestSite.BUFFER_TASK + "?f=json")).get("name").asText());
    }

    @Test
    void withoutFTheAnswerIsHtmlAsOnARealServer() {
        HttpResponse<String> reply = get(GpTestSite.BUFFER_TASK + "?token=" + site.token);
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void configuredPublicSiteUrlAppearsInOutputUrls() {
        site.gp.settings().publicSiteUrl = "https://gis.example.com/arcgis";
        JsonNode task = site.get(GpTestSite.BUFFER_TASK);
        assertTrue(task.get("helpUrl").asText().startsWith("https://gis.example.com/arcgis/rest/directories/"));
    }

    @Test
    void catalogListsTheGpServicesAndTheResultMapServiceInASecuredFolder() {
        Set<String> listed = site.catalog.services("Demo").stream().map(e -> e.name() + "/" + e.type()).collect(Collectors.toSet());
        assertEquals(Set.of("Demo/BufferPoints/GPServer", "Demo/BufferPointsSync/GPServer", "Demo/RasterInfo/GPServer",
                "Demo/BufferPoints/MapServer"), listed);
        assertTrue(site.catalog.isSecuredFolder("Demo"));
        assertEquals("esriExecutionTypeSynchronous", site.catalog.find("Demo/BufferPointsSync", "GPServer")
                .orElseThrow().metadata().get().get("executionType").asText());
    }
}
