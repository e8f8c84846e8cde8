package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.giscamel.emulator.arcgis.ArcGisClient.form;
import static org.giscamel.emulator.arcgis.ArcGisClient.get;
import static org.giscamel.emulator.arcgis.ArcGisClient.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site machine's Administrator API: site root, info, local, machines and clusters. */
class SiteAdminApiTest {

    private static final String SITE_MACHINE = "SITE1.EMULATOR.LOCAL";

    private ArcGisEmulator arcgis;
    private String admin;
    private String token;

    @BeforeEach
    void start() throws IOException {
        arcgis = ArcGisTestSupport.start();
        admin = arcgis.siteUrl() + "/admin";
        token = ArcGisTestSupport.adminToken(arcgis);
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    private JsonNode read(String path) {
        return get(admin + path + (path.contains("?") ? "&" : "?") + "f=json&token=" + token).json();
    }

    private JsonNode operate(String path, String... params) {
        String[] all = new String[params.length + 4];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = "f";
        all[params.length + 1] = "json";
        all[params.length + 2] = "token";
        all[params.length + 3] = token;
        return post(admin + path, form(all)).json();
    }

    @Test
    void siteRootWithoutTokenAnswers499AsSiteDetectionExpects() {
        ArcGisClient.Reply reply = get(admin + "/?f=json");

        assertEquals(200, reply.status());
        assertEquals("error", reply.json().path("status").asText());
        assertEquals(499, reply.json().path("code").asInt());
    }

    @Test
    void siteRootWithTokenListsItsResources() {
        JsonNode root = read("");

        assertTrue(root.path("resources").toString().contains("\"machines\""), root.toString());
        assertTrue(root.path("currentVersion").isNumber());
    }

    @Test
    void expiredTokenIs498TokenExpired() {
        String expired = arcgis.tokens().issueForMillis(ArcGisTestSupport.USER, 0).value();

        JsonNode reply = get(admin + "/machines?f=json&token=" + expired).json();

        assertEquals(498, reply.path("code").asInt());
        assertEquals("Token Expired.", reply.path("messages").get(0).asText());
    }

    @Test
    void infoReportsTheVersionAsAString() {
        JsonNode info = read("/info");

        assertEquals("11.1", info.path("currentversion").asText());
        assertTrue(info.path("currentversion").isTextual());
        assertTrue(info.has("currentbuild"));
        assertTrue(info.path("timezone").has("olsonid"));
        assertEquals(ArcGisTestSupport.USER, info.path("loggedInUser").asText());
    }

    @Test
    void infoVersionIsConfigurable() throws IOException {
        ArcGisEmulatorConfig config = ArcGisTestSupport.fastConfig();
        config.variants.version = "10.8.1";
        try (ArcGisEmulator older = ArcGisEmulator.start(config)) {
            String olderToken = ArcGisTestSupport.adminToken(older);
            assertEquals("10.8.1", get(older.siteUrl() + "/admin/info?f=json&token=" + olderToken).json()
                    .path("currentversion").asText());
            assertEquals(10.81, get(older.siteUrl() + "/rest/info?f=json").json().path("currentVersion").asDouble());
        }
    }

    @Test
    void localNamesTheSiteMachine() {
        assertEquals(SITE_MACHINE, read("/local").path("machineName").asText());
    }

    @Test
    void machinesListsTheFirstMachineWithItsRealAdminUrl() {
        JsonNode machines = read("/machines").path("machines");

        assertEquals(1, machines.size());
        assertEquals(SITE_MACHINE, machines.get(0).path("machineName").asText());
        assertEquals(arcgis.siteUrl() + "/admin", machines.get(0).path("adminURL").asText());
    }

    @Test
    void machineResourceCarriesTheDocumentedFields() {
        JsonNode machine = read("/machines/" + SITE_MACHINE);

        assertEquals(SITE_MACHINE, machine.path("machineName").asText());
        assertEquals(arcgis.siteUrl() + "/admin", machine.path("adminURL").asText());
        assertEquals("STARTED", machine.path("configuredState").asText());
        for (String field : new String[]{"platform", "ports", "ServerStartTime", "webServerMaxHeapSize",
                "appServerMaxHeapSize", "socMaxHeapSize", "webServerSSLEnabled", "webServerCertificateAlias",
                "synchronize", "underMaintenance"}) {
            assertTrue(machine.has(field), field);
        }
    }

    @Test
    void machineNamesCompareWithoutCase() {
        assertEquals(SITE_MACHINE, read("/machines/" + SITE_MACHINE.toLowerCase()).path("machineName").asText());
    }

    @Test
    void theFirstMachineIsStartedInClusterDefault() {
        JsonNode status = read("/machines/" + SITE_MACHINE + "/status");
        JsonNode cluster = read("/clusters/default");

        assertEquals("STARTED", status.path("configuredState").asText());
        assertEquals("STARTED", status.path("realTimeState").asText());
        assertEquals(SITE_MACHINE, cluster.path("machineNames").get(0).asText());
    }

    @Test
    void anUnknownMachineIsAnUnknownResource() {
        JsonNode reply = read("/machines/NOPE.EMULATOR.LOCAL");

        assertEquals(404, reply.path("code").asInt());
        assertEquals("Could not find resource or operation 'NOPE.EMULATOR.LOCAL' on the system.",
                reply.path("messages").get(0).asText());
    }

    @Test
    void anUnknownOperationIs404InTheAdminEnvelope() {
        ArcGisClient.Reply reply = get(admin + "/upgrade?f=json&token=" + token);

        assertEquals(200, reply.status());
        assertEquals("{\"status\":\"error\",\"messages\":[\"Could not find resource or operation 'upgrade' on the system.\"],\"code\":404}",
                reply.body());
    }

    @Test
    void anUnknownOperationWithoutTokenAsksForOneFirst() {
        assertEquals(499, get(admin + "/upgrade?f=json").json().path("code").asInt());
    }

    @Test
    void readResourcesAnswerGetAndPostWithOrWithoutTrailingSlash() {
        JsonNode byGet = get(admin + "/machines/?f=json&token=" + token).json();
        JsonNode byPost = post(admin + "/machines/", form("f", "json", "token", token)).json();

        assertEquals(byGet, byPost);
        assertEquals(1, byPost.path("machines").size());
    }

    @Test
    void operationsRefuseGet() {
        JsonNode reply = get(admin + "/machines/" + SITE_MACHINE + "/stop?f=json&token=" + token).json();

        assertEquals(405, reply.path("code").asInt());
        assertEquals("STARTED", read("/machines/" + SITE_MACHINE + "/status").path("configuredState").asText());
    }

    @Test
    void stopAndStartTheSiteMachine() {
        assertEquals("success", operate("/machines/" + SITE_MACHINE + "/stop").path("status").asText());
        assertEquals("STOPPED", read("/machines/" + SITE_MACHINE + "/status").path("configuredState").asText());

        assertEquals("success", operate("/machines/" + SITE_MACHINE + "/start").path("status").asText());
        assertEquals("STARTED", read("/machines/" + SITE_MACHINE + "/status").path("configuredState").asText());
    }

    @Test
    void tcpClusterPortIsANumberInTheListAndAStringInTheClusterResource() {
        JsonNode listed = read("/clusters").path("clusters").get(0);
        JsonNode single = read("/clusters/default");

        assertEquals("default", listed.path("clusterName").asText());
        assertTrue(listed.path("clusterProtocol").path("tcpClusterPort").isNumber());
        assertTrue(single.path("clusterProtocol").path("tcpClusterPort").isTextual());
        assertEquals(listed.path("clusterProtocol").path("tcpClusterPort").asText(),
                single.path("clusterProtocol").path("tcpClusterPort").asText());
    }

    @Test
    void createClusterThenFindItListed() {
        JsonNode created = operate("/clusters/create", "clusterName", "MapsCluster", "tcpClusterPort", "4114");

        assertEquals("success", created.path("status").asText());
        JsonNode cluster = read("/clusters/MapsCluster");
        assertEquals("4114", cluster.path("clusterProtocol").path("tcpClusterPort").asText());
        assertEquals(0, cluster.path("machineNames").size());
        assertEquals(2, read("/clusters").path("clusters").size());
    }

    @Test
    void createClusterWithADuplicateNameIsRefused() {
        JsonNode reply = operate("/clusters/create", "clusterName", "DEFAULT");

        assertEquals("error", reply.path("status").asText());
        assertEquals(400, reply.path("code").asInt());
    }

    @Test
    void createClusterWithAMachineOfAnotherClusterIsRefused() {
        JsonNode reply = operate("/clusters/create", "clusterName", "Other", "machineNames", SITE_MACHINE);

        assertEquals("error", reply.path("status").asText());
        assertTrue(reply.path("messages").get(0).asText().contains("already participating in cluster 'default'"));
    }

    @Test
    void addingAMachineThatIsNotRegisteredIsRefused() {
        JsonNode reply = operate("/clusters/default/machines/add", "machineNames", "NODE2.EMULATOR.LOCAL");

        assertEquals("error", reply.path("status").asText());
        assertTrue(reply.path("messages").get(0).asText().contains("not registered"), reply.toString());
        assertEquals(1, read("/clusters/default").path("machineNames").size());
    }

    @Test
    void addingAMachineAlreadyInTheClusterSucceedsWithoutChange() {
        JsonNode reply = operate("/clusters/default/machines/add", "machineNames", SITE_MACHINE);

        assertEquals("success", reply.path("status").asText());
        assertEquals(1, read("/clusters/default").path("machineNames").size());
    }

    @Test
    void addingToAnUnknownClusterIsAnUnknownResource() {
        assertEquals(404, operate("/clusters/nope/machines/add", "machineNames", SITE_MACHINE).path("code").asInt());
    }

    @Test
    void removeThenListAsAvailable() {
        assertEquals(0, read("/clusters/getAvailableMachines").path("machines").size());

        assertEquals("success", operate("/clusters/default/machines/remove", "machineNames", SITE_MACHINE).path("status").asText());

        JsonNode available = read("/clusters/getAvailableMachines").path("machines");
        assertEquals(SITE_MACHINE, available.get(0).path("machineName").asText());
        assertEquals("error", operate("/clusters/default/machines/remove", "machineNames", SITE_MACHINE).path("status").asText());
    }

    @Test
    void addWithoutMachineNamesIsRefused() {
        JsonNode reply = operate("/clusters/default/machines/add");

        assertEquals("'machineNames' must be specified.", reply.path("messages").get(0).asText());
    }
}
