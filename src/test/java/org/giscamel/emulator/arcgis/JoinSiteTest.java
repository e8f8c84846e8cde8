package org.giscamel.emulator.arcgis;

import org.giscamel.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.giscamel.emulator.arcgis.ArcGisClient.form;
import static org.giscamel.emulator.arcgis.ArcGisClient.get;
import static org.giscamel.emulator.arcgis.ArcGisClient.post;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.PASSWORD;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fresh machine: not in a site, joinSite, the restart window, then cluster membership and start. */
class JoinSiteTest {

    private static final String NODE = "NODE2.EMULATOR.LOCAL";

    private final MutableClock clock = MutableClock.startingNow();
    private ArcGisEmulator arcgis;
    private String freshAdmin;
    private String siteAdmin;

    @BeforeEach
    void start() throws IOException {
        ArcGisEmulatorConfig config = ArcGisTestSupport.fastConfig();
        config.clock = clock;
        arcgis = ArcGisEmulator.start(config);
        freshAdmin = arcgis.freshMachineUrl() + "/admin";
        siteAdmin = arcgis.siteUrl() + "/admin";
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    private ArcGisClient.Reply joinSite(String adminUrl, String password) {
        return post(freshAdmin + "/joinSite",
                form("adminURL", adminUrl, "username", USER, "password", password, "pullLicense", "False", "f", "json"),
                "Referer", "referer");
    }

    private void joinAndWaitForRestart() {
        assertEquals("success", joinSite(siteAdmin, PASSWORD).json().path("status").asText());
        clock.advance(arcgis.config().joinRestartWindow);
    }

    private JsonNode siteOperation(String path, String... params) {
        String[] all = new String[params.length + 4];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = "f";
        all[params.length + 1] = "json";
        all[params.length + 2] = "token";
        all[params.length + 3] = ArcGisTestSupport.adminToken(arcgis);
        return post(siteAdmin + path, form(all)).json();
    }

    private String realTimeState(String token) {
        return get(siteAdmin + "/machines/" + NODE + "/status?f=json&token=" + token).json().path("realTimeState").asText();
    }

    @Test
    void theFreshMachineListensOnItsOwnPort() {
        assertNotEquals(arcgis.siteUrl(), arcgis.freshMachineUrl());
        assertTrue(arcgis.freshMachineUrl().matches("http://127\\.0\\.0\\.1:\\d+/arcgis"));
    }

    @Test
    void aMachineInNoSiteAnswersItsRootWithACodeOtherThan499() {
        JsonNode root = get(freshAdmin + "/?f=json").json();

        assertEquals("error", root.path("status").asText());
        assertTrue(root.has("code"));
        assertNotEquals(499, root.path("code").asInt());
        assertEquals("Local machine '" + NODE + "' is not participating in any Site. "
                + "Please create a new Site or join an existing Site.", root.path("messages").get(0).asText());
    }

    @Test
    void aMachineInNoSiteAnswersAdminLocalAsTheVariantSays() {
        JsonNode strict = get(freshAdmin + "/local?f=json").json();
        assertEquals("error", strict.path("status").asText());
        assertEquals(500, strict.path("code").asInt());
        assertTrue(strict.path("messages").get(0).asText().contains("is not participating in any Site"));

        arcgis.config().variants.freshMachineLocal = ArcGisVariants.FreshMachineLocal.NAME;
        assertEquals(NODE, get(freshAdmin + "/local?f=json").json().path("machineName").asText());
    }

    @Test
    void aMachineInNoSiteGivesNoToken() {
        JsonNode reply = post(freshAdmin + "/generateToken",
                form("username", USER, "password", PASSWORD, "client", "requestip", "f", "json")).json();

        assertEquals("error", reply.path("status").asText());
        assertFalse(reply.has("token"));
    }

    @Test
    void joinSiteWithAnotherAdminUrlSaysTheSiteCannotBeReached() {
        JsonNode reply = joinSite("https://elsewhere.example.com:6443/arcgis/admin", PASSWORD).json();

        assertEquals("error", reply.path("status").asText());
        assertTrue(reply.path("messages").get(0).asText().contains("could not be reached"), reply.toString());
        assertFalse(arcgis.site().isMember(NODE));
    }

    @Test
    void joinSiteWithWrongCredentialsIsRefused() {
        JsonNode reply = joinSite(siteAdmin, "wrong").json();

        assertEquals("error", reply.path("status").asText());
        assertFalse(arcgis.site().isMember(NODE));
    }

    @Test
    void joinSiteAcceptsTheLocalhostSpellingAndATrailingSlash() {
        String adminUrl = siteAdmin.replace("127.0.0.1", "localhost") + "/";

        assertEquals("success", joinSite(adminUrl, PASSWORD).json().path("status").asText());
    }

    @Test
    void joinSiteRefusesGet() {
        assertEquals(405, get(freshAdmin + "/joinSite?f=json").json().path("code").asInt());
    }

    @Test
    void joinSiteRegistersTheMachineStoppedAndInNoCluster() {
        JsonNode reply = joinSite(siteAdmin, PASSWORD).json();

        assertEquals("success", reply.path("status").asText());
        assertEquals(1, reply.path("pollAfter").asInt());
        String token = ArcGisTestSupport.adminToken(arcgis);
        JsonNode machines = get(siteAdmin + "/machines?f=json&token=" + token).json().path("machines");
        assertEquals(2, machines.size());
        assertEquals(NODE, machines.get(1).path("machineName").asText());
        assertEquals(freshAdmin, machines.get(1).path("adminURL").asText());
        assertEquals("STOPPED", realTimeState(token));
        JsonNode available = get(siteAdmin + "/clusters/getAvailableMachines?f=json&token=" + token).json();
        assertEquals(NODE, available.path("machines").get(0).path("machineName").asText());
    }

    @Test
    void byDefaultTheRestartingMachineDropsConnectionsBeforeAnyReply() {
        joinSite(siteAdmin, PASSWORD);

        assertThrows(IllegalStateException.class, () -> get(freshAdmin + "/?f=json"));
        assertEquals(-1, arcgis.requests().entries().get(arcgis.requests().entries().size() - 1).status());
        clock.advance(arcgis.config().joinRestartWindow);
        assertEquals(499, get(freshAdmin + "/?f=json").json().path("code").asInt());
    }

    @Test
    void afterJoiningTheMachineAnswers503ThroughoutTheRestartWindow() {
        arcgis.config().variants.restartWindow = ArcGisVariants.RestartWindow.HTTP_503;
        joinSite(siteAdmin, PASSWORD);

        assertEquals(503, get(freshAdmin + "/?f=json").status());
        assertEquals(503, get(freshAdmin + "/local?f=json").status());
        assertEquals(503, post(freshAdmin + "/generateToken", form("username", USER, "password", PASSWORD, "f", "json")).status());
        clock.advance(arcgis.config().joinRestartWindow.minusMillis(1));
        assertEquals(503, get(freshAdmin + "/machines?f=json").status());
    }

    @Test
    void afterTheRestartWindowTheMachineServesTheSiteAdministratorApi() {
        joinAndWaitForRestart();

        assertEquals(499, get(freshAdmin + "/?f=json").json().path("code").asInt());
        String token = post(freshAdmin + "/generateToken",
                form("username", USER, "password", PASSWORD, "client", "requestip", "f", "json")).json().path("token").asText();
        JsonNode machines = get(freshAdmin + "/machines?f=json", "Authorization", "Bearer " + token).json();
        assertEquals(2, machines.path("machines").size());
        assertEquals(NODE, get(freshAdmin + "/local?f=json&token=" + token).json().path("machineName").asText());
        assertEquals(499, get(freshAdmin + "/local?f=json").json().path("code").asInt());
    }

    @Test
    void siteTokensWorkOnTheJoinedMachine() {
        joinAndWaitForRestart();
        String siteToken = ArcGisTestSupport.adminToken(arcgis);

        assertEquals(2, get(freshAdmin + "/machines?f=json&token=" + siteToken).json().path("machines").size());
    }

    @Test
    void aSecondJoinSiteIsRefused() {
        joinAndWaitForRestart();

        JsonNode reply = joinSite(siteAdmin, PASSWORD).json();

        assertEquals("error", reply.path("status").asText());
        assertTrue(reply.path("messages").get(0).asText().contains("already participating"), reply.toString());
        assertEquals(2, arcgis.site().machines().size());
    }

    @Test
    void startingAMachineOutsideAnyClusterIsRefused() {
        joinAndWaitForRestart();

        JsonNode reply = siteOperation("/machines/" + NODE + "/start");

        assertEquals("error", reply.path("status").asText());
        assertEquals("STOPPED", arcgis.site().machine(NODE).orElseThrow().configuredState());
    }

    @Test
    void addedToAClusterAndStartedTheMachineIsStartingThenStarted() {
        joinAndWaitForRestart();
        assertEquals("success", siteOperation("/clusters/default/machines/add", "machineNames", NODE).path("status").asText());

        assertEquals("success", siteOperation("/machines/" + NODE + "/start").path("status").asText());

        String token = ArcGisTestSupport.adminToken(arcgis);
        assertEquals("STARTING", realTimeState(token));
        assertEquals("STARTED", get(siteAdmin + "/machines/" + NODE + "/status?f=json&token=" + token).json()
                .path("configuredState").asText());
        clock.advance(arcgis.config().machineStartDelay);
        assertEquals("STARTED", realTimeState(token));
        assertEquals("default", arcgis.site().machine(NODE).orElseThrow().clusterName());
    }

    @Test
    void onTheRealClockAStartedMachineReachesStartedAfterTheDelay() throws IOException {
        try (ArcGisEmulator real = ArcGisTestSupport.start()) {
            String admin = real.siteUrl() + "/admin";
            post(real.freshMachineUrl() + "/admin/joinSite",
                    form("adminURL", admin, "username", USER, "password", PASSWORD, "f", "json"));
            String token = ArcGisTestSupport.adminToken(real);
            post(admin + "/clusters/default/machines/add", form("machineNames", NODE, "token", token, "f", "json"));

            post(admin + "/machines/" + NODE + "/start", form("token", token, "f", "json"));

            await().atMost(Duration.ofSeconds(5)).until(() -> get(admin + "/machines/" + NODE + "/status?f=json&token="
                    + token).json().path("realTimeState").asText().equals("STARTED"));
        }
    }

    @Test
    void theMachineCanBeAddedThroughItsOwnAdminUrlAfterJoining() {
        joinAndWaitForRestart();
        String token = ArcGisTestSupport.adminToken(arcgis);

        JsonNode reply = post(freshAdmin + "/clusters/default/machines/add",
                form("machineNames", NODE, "token", token, "f", "json")).json();

        assertEquals("success", reply.path("status").asText());
        assertEquals(2, arcgis.site().cluster("default").orElseThrow().machineNames().size());
    }

    @Test
    void aMachineOfAnotherSiteRefusesThisSite() throws IOException {
        ArcGisEmulatorConfig config = ArcGisTestSupport.fastConfig();
        config.freshMachineInAnotherSite = true;
        try (ArcGisEmulator other = ArcGisEmulator.start(config)) {
            String admin = other.freshMachineUrl() + "/admin";
            String siteToken = ArcGisTestSupport.adminToken(other);

            assertEquals(499, get(admin + "/?f=json").json().path("code").asInt());
            assertEquals(498, get(admin + "/machines?f=json&token=" + siteToken).json().path("code").asInt());
            JsonNode token = post(admin + "/generateToken",
                    form("username", USER, "password", PASSWORD, "client", "requestip", "f", "json")).json();
            assertEquals("error", token.path("status").asText());
            JsonNode join = post(admin + "/joinSite",
                    form("adminURL", other.siteUrl() + "/admin", "username", USER, "password", PASSWORD, "f", "json")).json();
            assertEquals("error", join.path("status").asText());
            JsonNode machines = get(other.siteUrl() + "/admin/machines?f=json&token=" + siteToken).json().path("machines");
            assertEquals(1, machines.size());
        }
    }
}
