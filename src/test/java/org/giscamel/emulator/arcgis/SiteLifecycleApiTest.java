package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Fault;
import org.giscamel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.giscamel.emulator.arcgis.ArcGisClient.form;
import static org.giscamel.emulator.arcgis.ArcGisClient.get;
import static org.giscamel.emulator.arcgis.ArcGisClient.post;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.PASSWORD;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site's lifecycle as the emulator serves it: createNewSite on the first machine and its restart, several fresh
 * machines, a stop that takes a while, a machine's removal from its cluster, and unregister.
 */
class SiteLifecycleApiTest {

    private static final String SITE = "SITE1.EMULATOR.LOCAL";
    private static final String NODE2 = "NODE2.EMULATOR.LOCAL";
    private static final String NODE3 = "NODE3.EMULATOR.LOCAL";
    /** The createNewSite form DSC sends (reference §3.3). */
    private static final String[] CREATE = {"username", USER, "password", PASSWORD,
            "configStoreConnection", "{\"type\":\"FILESYSTEM\",\"connectionString\":\"/gisdata/config-store\"}",
            "directories", "{\"directories\":[{\"name\":\"arcgissystem\",\"physicalPath\":\"/gisdata/arcgissystem\","
            + "\"directoryType\":\"SYSTEM\",\"cleanupMode\":\"NONE\",\"maxFileAge\":0}]}",
            "logsSettings", "{\"logLevel\":\"WARNING\",\"maxErrorReportsCount\":10,\"maxLogFileAge\":90}",
            "runAsync", "false", "f", "json"};

    private final MutableClock clock = MutableClock.startingNow();
    private ArcGisEmulator arcgis;

    @AfterEach
    void stop() {
        if (arcgis != null) {
            arcgis.close();
        }
    }

    private void start(Consumer<ArcGisEmulatorConfig> settings) throws IOException {
        ArcGisEmulatorConfig config = ArcGisTestSupport.fastConfig();
        config.clock = clock;
        settings.accept(config);
        arcgis = ArcGisEmulator.start(config);
    }

    private JsonNode admin(String url) {
        return get(url + "/admin?f=json").json();
    }

    private JsonNode createOn(String machineUrl) {
        return post(machineUrl + "/admin/createNewSite", form(CREATE)).json();
    }

    private JsonNode siteOperation(String path, String... params) {
        String[] all = java.util.Arrays.copyOf(params, params.length + 4);
        all[params.length] = "f";
        all[params.length + 1] = "json";
        all[params.length + 2] = "token";
        all[params.length + 3] = ArcGisTestSupport.adminToken(arcgis);
        return post(arcgis.siteUrl() + "/admin" + path, form(all)).json();
    }

    private JsonNode status(String machine) {
        return get(arcgis.siteUrl() + "/admin/machines/" + machine + "/status?f=json&token="
                + ArcGisTestSupport.adminToken(arcgis)).json();
    }

    private void join(String freshUrl) {
        JsonNode joined = post(freshUrl + "/admin/joinSite", form("adminURL", arcgis.siteUrl() + "/admin",
                "username", USER, "password", PASSWORD, "f", "json")).json();
        assertEquals("success", joined.path("status").asText(), joined.toString());
        clock.advance(arcgis.config().joinRestartWindow);
    }

    @ParameterizedTest
    @EnumSource(ArcGisVariants.CreateSitePollAfter.class)
    void createNewSiteFoundsTheSiteWhichAnswersAgainAfterItsRestart(ArcGisVariants.CreateSitePollAfter pollAfter)
            throws IOException {
        start(config -> {
            config.siteCreated = false;
            config.variants.createSitePollAfter = pollAfter;
            config.variants.restartWindow = ArcGisVariants.RestartWindow.HTTP_503;
        });
        assertEquals(500, admin(arcgis.siteUrl()).path("code").asInt(), "in no site: not the 499 of a site");
        assertFalse(arcgis.site().exists());

        JsonNode created = createOn(arcgis.siteUrl());

        assertEquals("success", created.path("status").asText(), created.toString());
        assertEquals(pollAfter == ArcGisVariants.CreateSitePollAfter.SECONDS, created.has("pollAfter"), created.toString());
        assertEquals(503, get(arcgis.siteUrl() + "/admin?f=json").status(), "restarting");
        clock.advance(arcgis.config().createRestartWindow);
        assertEquals(499, admin(arcgis.siteUrl()).path("code").asInt());
        assertTrue(arcgis.site().exists());
        assertEquals(List.of(SITE), arcgis.site().cluster("default").orElseThrow().machineNames());
        clock.advance(arcgis.config().machineStartDelay);
        assertEquals("STARTED", status(SITE).path("realTimeState").asText());
    }

    @Test
    void aSiteThatExistsRefusesASecondCreateNewSite() throws IOException {
        start(config -> { });

        JsonNode again = createOn(arcgis.siteUrl());

        assertEquals("error", again.path("status").asText());
        assertTrue(again.path("messages").get(0).asText().contains("not participating in a site"), again.toString());
    }

    @Test
    void createNewSiteWithoutAConfigurationStoreIsRefusedAndCreatesNothing() throws IOException {
        start(config -> config.siteCreated = false);

        JsonNode refused = post(arcgis.siteUrl() + "/admin/createNewSite",
                form("username", USER, "password", PASSWORD, "f", "json")).json();

        assertEquals("error", refused.path("status").asText());
        assertFalse(arcgis.site().exists());
    }

    @Test
    void theAdministratorCreatedIsTheOneWhoseTokensTheSiteGives() throws IOException {
        start(config -> config.siteCreated = false);
        String[] other = CREATE.clone();
        other[1] = "founder";
        other[3] = "founder-secret";
        post(arcgis.siteUrl() + "/admin/createNewSite", form(other));
        clock.advance(arcgis.config().createRestartWindow);

        JsonNode founder = post(arcgis.siteUrl() + "/admin/generateToken", form("username", "founder",
                "password", "founder-secret", "client", "requestip", "f", "json")).json();
        JsonNode configured = post(arcgis.siteUrl() + "/admin/generateToken", form("username", USER,
                "password", PASSWORD, "client", "requestip", "f", "json")).json();

        assertFalse(founder.path("token").asText().isEmpty(), founder.toString());
        assertEquals("error", configured.path("status").asText(), configured.toString());
    }

    @Test
    void aFreshMachineSentCreateNewSiteIsInASiteOfItsOwn() throws IOException {
        start(config -> { });

        assertEquals("success", createOn(arcgis.freshMachineUrl()).path("status").asText());

        assertEquals(499, admin(arcgis.freshMachineUrl()).path("code").asInt(), "it is in a site now");
        JsonNode join = post(arcgis.freshMachineUrl() + "/admin/joinSite", form("adminURL", arcgis.siteUrl() + "/admin",
                "username", USER, "password", PASSWORD, "f", "json")).json();
        assertEquals("error", join.path("status").asText());
        assertFalse(arcgis.site().isMember(NODE2));
    }

    @Test
    void severalFreshMachinesListenOnTheirOwnPortsAndJoinUnderTheirOwnNames() throws IOException {
        start(config -> config.freshMachines = 2);

        assertEquals(2, arcgis.freshMachineUrls().size());
        assertEquals(arcgis.freshMachineUrl(), arcgis.freshMachineUrl(0));
        assertNotEquals(arcgis.freshMachineUrl(0), arcgis.freshMachineUrl(1));
        join(arcgis.freshMachineUrl(0));
        join(arcgis.freshMachineUrl(1));

        assertEquals(List.of(SITE, NODE2, NODE3), arcgis.site().machines().stream()
                .map(ArcGisSite.MachineState::machineName).toList());
        assertEquals(arcgis.freshMachineUrl(1) + "/admin", arcgis.site().machine(NODE3).orElseThrow().adminUrl());
    }

    @ParameterizedTest
    @EnumSource(ArcGisVariants.StoppingState.class)
    void aStopTakesAWhileWithTheConfiguredStateStoppedAtOnce(ArcGisVariants.StoppingState stopping) throws IOException {
        start(config -> config.variants.stoppingState = stopping);

        assertEquals("success", siteOperation("/machines/" + SITE + "/stop").path("status").asText());

        JsonNode during = status(SITE);
        assertEquals("STOPPED", during.path("configuredState").asText());
        assertEquals(stopping.name(), during.path("realTimeState").asText());
        clock.advance(arcgis.config().machineStopDelay);
        assertEquals("STOPPED", status(SITE).path("realTimeState").asText());
    }

    @Test
    void theStopDelayIsReadAtEachStatusSoAMachineThatHangsInItsStopCanBeLetGo() throws IOException {
        start(config -> config.machineStopDelay = Duration.ofHours(1));
        siteOperation("/machines/" + SITE + "/stop");
        clock.advance(Duration.ofMinutes(5));
        assertEquals("STARTED", status(SITE).path("realTimeState").asText());

        arcgis.config().machineStopDelay = Duration.ZERO;

        assertEquals("STOPPED", status(SITE).path("realTimeState").asText());
    }

    @Test
    void aMachineRemovedFromItsClusterAndUnregisteredIsInNoSiteAndMayJoinAgain() throws IOException {
        start(config -> { });
        join(arcgis.freshMachineUrl());
        siteOperation("/clusters/default/machines/add", "machineNames", NODE2);

        assertEquals("success", siteOperation("/clusters/default/machines/remove", "machineNames", NODE2)
                .path("status").asText());
        assertEquals(List.of(SITE), arcgis.site().cluster("default").orElseThrow().machineNames());
        assertEquals("success", siteOperation("/machines/" + NODE2 + "/unregister").path("status").asText());

        assertFalse(arcgis.site().isMember(NODE2));
        assertEquals(500, admin(arcgis.freshMachineUrl()).path("code").asInt(), "in no site again");
        join(arcgis.freshMachineUrl());
        assertTrue(arcgis.site().isMember(NODE2));
    }

    @Test
    void unregisteringAnUnknownMachineOrTheLastOneIsRefused() throws IOException {
        start(config -> { });

        JsonNode unknown = siteOperation("/machines/NOPE.EXAMPLE.COM/unregister");
        JsonNode last = siteOperation("/machines/" + SITE + "/unregister");

        assertEquals(404, unknown.path("code").asInt(), unknown.toString());
        assertEquals("error", last.path("status").asText(), last.toString());
        assertTrue(arcgis.site().isMember(SITE));
        assertEquals(405, get(arcgis.siteUrl() + "/admin/machines/" + SITE + "/unregister?f=json&token="
                + ArcGisTestSupport.adminToken(arcgis)).json().path("code").asInt(), "an operation is POSTed");
    }

    @Test
    void anErrorEnvelopeFaultAnswersHttp200WithTheAdminEnvelope() throws IOException {
        start(config -> { });
        arcgis.faults().arm(Fault.ERROR_ENVELOPE, "/admin/machines$", 1);

        ArcGisClient.Reply reply = get(arcgis.siteUrl() + "/admin/machines?f=json&token=" + ArcGisTestSupport.adminToken(arcgis));

        assertEquals(200, reply.status());
        assertEquals("error", reply.json().path("status").asText());
        assertEquals(500, reply.json().path("code").asInt());
    }
}
