package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.giscamel.emulator.arcgis.ArcGisClient.form;
import static org.giscamel.emulator.arcgis.ArcGisClient.get;
import static org.giscamel.emulator.arcgis.ArcGisClient.post;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.PASSWORD;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET|POST /__emulator/variants} for the results lag, the JSON label and the two token {@code expires}
 * spellings: each change applies to the next request, on both machines, without a restart.
 */
class ArcGisVariantsControlTest {

    private static final String TASK = "/rest/services/Demo/BufferPoints/GPServer/BufferPoints";

    private final MutableClock clock = MutableClock.startingNow();
    private ArcGisEmulator arcgis;
    private String siteVariants;

    @BeforeEach
    void start() throws IOException {
        ArcGisEmulatorConfig config = ArcGisTestSupport.fastConfig();
        config.clock = clock;
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
        siteVariants = arcgis.siteUrl().replace("/arcgis", "") + "/__emulator/variants";
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    private static void assertSwitches(JsonNode variants, int lag, String label, String admin, String services) {
        assertEquals(lag, variants.path("resultsLagReads").asInt(), variants.toString());
        assertEquals(label, variants.path("jsonContentType").asText());
        assertEquals(admin, variants.path("adminTokenExpires").asText());
        assertEquals(services, variants.path("servicesTokenExpires").asText());
    }

    private JsonNode generateToken(String path) {
        return post(arcgis.siteUrl() + path, form("username", USER, "password", PASSWORD, "client", "requestip",
                "f", "json")).json();
    }

    @Test
    void strictIsTheDefaultAndShowsTheHarshestAnswers() {
        ArcGisClient.Reply reply = get(siteVariants);
        assertSwitches(reply.json(), 2, "TEXT_PLAIN", "STRING", "STRING");
        assertTrue(reply.contentType().startsWith("application/json"), "the control API keeps its own label");
        assertTrue(get(arcgis.siteUrl() + "/rest/info?f=json").contentType().startsWith("text/plain"));
        assertTrue(generateToken("/tokens/generateToken").path("expires").isTextual());
        assertTrue(generateToken("/admin/generateToken").path("expires").isTextual());
    }

    @Test
    void singleValuesChangeTheNextRepliesOnBothMachines() {
        JsonNode changed = post(siteVariants, form("json-content-type", "application-json",
                "admin-token-expires", "number", "servicesTokenExpires", "NUMBER", "results-lag-reads", "0")).json();

        assertSwitches(changed, 0, "APPLICATION_JSON", "NUMBER", "NUMBER");
        assertSwitches(get(arcgis.freshMachineUrl().replace("/arcgis", "") + "/__emulator/variants").json(),
                0, "APPLICATION_JSON", "NUMBER", "NUMBER");
        assertTrue(get(arcgis.siteUrl() + "/rest/info?f=json").contentType().startsWith("application/json"));
        assertTrue(get(arcgis.freshMachineUrl() + "/admin/local?f=json").contentType().startsWith("application/json"));
        assertTrue(generateToken("/tokens/generateToken").path("expires").isNumber());
        assertTrue(generateToken("/admin/generateToken").path("expires").isNumber());
    }

    @Test
    void theResultsLagAppliesToAJobThatHasAlreadySucceeded() {
        String token = arcgis.tokens().issue("test", 60L).value();
        String jobId = post(arcgis.siteUrl() + TASK + "/submitJob", form("Input_Features",
                "{\"geometryType\":\"esriGeometryPoint\",\"features\":[{\"geometry\":{\"x\":1,\"y\":2}}]}",
                "f", "json", "token", token)).json().path("jobId").asText();
        clock.advance(Duration.ofSeconds(10));
        String status = arcgis.siteUrl() + TASK + "/jobs/" + jobId + "?f=json&token=" + token;

        post(siteVariants, form("resultsLagReads", "1"));
        JsonNode lagging = get(status).json();
        assertEquals("esriJobSucceeded", lagging.path("jobStatus").asText());
        assertFalse(lagging.has("results"), lagging.toString());
        assertTrue(get(status).json().has("results"));

        post(siteVariants, form("resultsLagReads", "3"));
        assertFalse(get(status).json().has("results"), "two more reads lack results");
        assertFalse(get(status).json().has("results"));
        assertTrue(get(status).json().has("results"));
    }

    @Test
    void aProfileSetsEverySwitchAndSingleValuesApplyOverIt() {
        assertSwitches(post(siteVariants, form("profile", "lenient")).json(), 0, "APPLICATION_JSON", "NUMBER", "NUMBER");
        assertSwitches(post(siteVariants, form("profile", "strict", "results-lag-reads", "5")).json(),
                5, "TEXT_PLAIN", "STRING", "STRING");
    }

    @Test
    void anUnknownValueIsRefusedAndChangesNothing() {
        JsonNode refused = post(siteVariants, form("json-content-type", "xml")).json();
        assertEquals(400, refused.at("/error/code").asInt(), refused.toString());
        assertEquals(400, post(siteVariants, form("resultsLagReads", "many")).json().at("/error/code").asInt());
        assertSwitches(get(siteVariants).json(), 2, "TEXT_PLAIN", "STRING", "STRING");
    }
}
