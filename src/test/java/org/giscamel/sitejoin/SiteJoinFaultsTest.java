package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisVariants;
import org.giscamel.emulator.http.Fault;
import org.giscamel.http.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.giscamel.sitejoin.SiteJoinWorld.NODE;
import static org.giscamel.sitejoin.SiteJoinWorld.reportFile;
import static org.giscamel.sitejoin.SiteJoinWorld.run;
import static org.giscamel.sitejoin.SiteJoinWorld.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input and faults: each fails the step it concerns with a clear message, or is retried and then succeeds. */
class SiteJoinFaultsTest {

    @TempDir
    Path dir;
    private SiteJoinWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static void assertFailedAt(Exchange result, Step step, String reasonPart) throws Exception {
        assertNotNull(result.getException(), "the run should fail");
        StepResult failed = run(result).report().failure().orElseThrow();
        assertEquals(step, failed.step(), failed.toString());
        assertTrue(failed.detail().contains(reasonPart), failed.detail());
        JsonNode report = reportFile(result);
        assertEquals("failed", report.path("outcome").asText());
        assertEquals(step.label(), report.path("failedStep").asText());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aWrongPasswordFailsTheFirstCheckWithTheServersMessageAndShowsThePasswordNowhere() throws Exception {
        String wrong = "not-the-password-4711";
        // Camel's own property parser prints values at DEBUG, so Camel is watched where it reports failures.
        try (LogCapture logs = LogCapture.debug("org.giscamel"); LogCapture camel = LogCapture.debug("org.apache.camel.processor")) {
            world = SiteJoinWorld.start(SiteJoinWorld.fastEmulator(), dir, Map.of("gis.arcgis.password", wrong),
                    List.of(SiteJoinWorld.CHAIN));

            Exchange result = world.joinFresh("default");

            // Before the machine is touched: a fresh machine's answers must not mask the credential problem.
            assertFailedAt(result, Step.CHECK_MEMBERSHIP, "Invalid username or password");
            assertEquals(400, step(result, Step.CHECK_MEMBERSHIP).server().orElseThrow().code());
            assertEquals(0, world.count("POST", ".*/joinSite"));
            assertFalse(world.arcgis.site().isMember(NODE));
            assertFalse(logs.text().contains(wrong), "the password was logged");
            assertFalse(camel.text().contains(wrong), "the password was logged by Camel");
            assertFalse(Files.readString(run(result).reportFile().orElseThrow()).contains(wrong));
            assertFalse(result.getException().getMessage().contains(wrong));
        }
    }

    @Test
    void anUnknownMachineHostFailsTheCheckWithoutRetries() throws Exception {
        world = SiteJoinWorld.start(dir);

        Exchange result = world.join("{\"machine\":\"http://no-such-host.invalid:6080/arcgis\",\"cluster\":\"default\"}");

        assertFailedAt(result, Step.CHECK_MEMBERSHIP, "unknown host no-such-host.invalid:6080");
        assertEquals(1, step(result, Step.CHECK_MEMBERSHIP).attempts());
    }

    @Test
    void aMachinePortWithNothingListeningFailsTheCheckAfterTheRetries() throws Exception {
        world = SiteJoinWorld.start(dir);
        int port = closedPort();

        Exchange result = world.join("{\"machine\":\"http://127.0.0.1:" + port + "/arcgis\"}");

        assertFailedAt(result, Step.CHECK_MEMBERSHIP, "cannot connect to 127.0.0.1:" + port);
        assertEquals(3, step(result, Step.CHECK_MEMBERSHIP).attempts(), "first attempt and gis.retry.max-retries=2");
    }

    @Test
    void anUnreachableSiteFailsTheCheckBeforeTheMachineIsTouched() throws Exception {
        int port = closedPort();
        world = SiteJoinWorld.start(SiteJoinWorld.fastEmulator(), dir,
                Map.of("gis.arcgis.url", "http://127.0.0.1:" + port + "/arcgis"), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.joinFresh("default");

        assertFailedAt(result, Step.CHECK_MEMBERSHIP, "probe the site's admin failed: cannot connect to 127.0.0.1:" + port);
        assertEquals(0, world.count(null, ".*"));
    }

    @Test
    void aSiteUrlThatLeadsToAMachineInNoSiteIsRefused() throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.freshMachinePort = closedPort();
        String freshMachine = "http://127.0.0.1:" + config.freshMachinePort + "/arcgis";
        world = SiteJoinWorld.start(config, dir, Map.of("gis.arcgis.url", freshMachine), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.join("{\"machine\":\"" + world.arcgis.siteUrl() + "\"}");

        assertFailedAt(result, Step.CHECK_MEMBERSHIP, freshMachine + " is not an ArcGIS Server site");
        assertTrue(step(result, Step.CHECK_MEMBERSHIP).detail().contains("is not participating in any Site"));
    }

    @Test
    void aMachineOfAnotherSiteIsLeftAloneWithAClearError() throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.freshMachineInAnotherSite = true;
        world = SiteJoinWorld.start(config, dir, Map.of(), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.joinFresh("default");

        assertFailedAt(result, Step.CHECK_MEMBERSHIP, "is already in another ArcGIS Server site");
        assertEquals(0, world.count("POST", ".*/joinSite"));
        assertEquals(1, world.arcgis.site().machines().size());
    }

    @Test
    void aMissingClusterFailsItsStepAndNamesTheWayToCreateIt() throws Exception {
        world = SiteJoinWorld.start(dir);

        Exchange result = world.joinFresh("maps");

        assertFailedAt(result, Step.ADD_TO_CLUSTER, "cluster maps does not exist");
        assertTrue(step(result, Step.ADD_TO_CLUSTER).detail().contains("gis.site-join.create-cluster=true"));
        assertTrue(world.arcgis.site().cluster("maps").isEmpty());
        assertEquals(StepOutcome.DONE, step(result, Step.JOIN_SITE).outcome(), "the steps before it stay done");
    }

    @Test
    void aMachineThatNeverReachesStartedFailsWhenTheDeadlinePasses() throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.machineStartDelay = Duration.ofHours(1);
        world = SiteJoinWorld.start(config, dir, Map.of("gis.site-join.start-deadline", "300ms"), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.joinFresh("default");

        assertFailedAt(result, Step.START_MACHINE,
                "gave up waiting for " + NODE + " to reach STARTED after 300ms (last seen: realTimeState STARTING)");
    }

    @ParameterizedTest
    @EnumSource(ArcGisVariants.RestartWindow.class)
    void aMachineThatDoesNotComeBackFailsTheRestartWaitAtItsDeadline(ArcGisVariants.RestartWindow window) throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.joinRestartWindow = Duration.ofHours(1);
        config.variants.restartWindow = window;
        world = SiteJoinWorld.start(config, dir, Map.of("gis.site-join.restart-deadline", "300ms"), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.joinFresh("default");

        assertFailedAt(result, Step.WAIT_FOR_RESTART, "after 300ms (last seen: probe the machine's admin failed");
        assertTrue(step(result, Step.WAIT_FOR_RESTART).detail().contains(
                window == ArcGisVariants.RestartWindow.HTTP_503 ? "HTTP 503" : "broke (NoHttpResponseException)"), step(result, Step.WAIT_FOR_RESTART).detail());
    }

    @Test
    void a500OnMachinesAddIsRetriedAndTheRunSucceeds() throws Exception {
        world = SiteJoinWorld.start(dir);
        world.arcgis.faults().arm(Fault.HTTP_500, "/admin/clusters/default/machines/add$", 1);

        Exchange result = world.joinFresh("default");

        assertNull(result.getException());
        assertEquals(2, world.count("POST", ".*/admin/clusters/default/machines/add"));
        assertEquals(2, step(result, Step.ADD_TO_CLUSTER).attempts());
        assertEquals(StepOutcome.DONE, step(result, Step.ADD_TO_CLUSTER).outcome());
        assertEquals("default", world.arcgis.site().machine(NODE).orElseThrow().clusterName());
    }

    @Test
    void a500OnJoinSiteIsRetriedAfterCheckingThatTheFirstAttemptDidNotGoThrough() throws Exception {
        world = SiteJoinWorld.start(dir);
        world.arcgis.faults().arm(Fault.HTTP_500, "/admin/joinSite$", 1);

        Exchange result = world.joinFresh("default");

        assertNull(result.getException());
        assertEquals(2, world.count("POST", ".*/admin/joinSite"));
        assertEquals("STARTED", world.arcgis.site().machine(NODE).orElseThrow().realTimeState());
    }

    @Test
    void aTokenThatExpiresInTheMiddleOfTheChainIsRenewedOnceAndTheRunSucceeds() throws Exception {
        world = SiteJoinWorld.start(dir);
        world.arcgis.faults().arm(Fault.EXPIRE_TOKENS, "/admin/machines/[^/]+/start$", 1);

        Exchange result = world.joinFresh("default");

        assertNull(result.getException());
        assertEquals(3, world.count("POST", ".*/admin/generateToken"),
                "the credentials' check before the join, the token after it, and its renewal");
        assertEquals(2, world.count("POST", ".*/admin/machines/[^/]+/start"));
        assertEquals("STARTED", world.arcgis.site().machine(NODE).orElseThrow().realTimeState());
    }

    @Test
    void aMalformedRequestFailsBeforeAnyServerIsCalled() throws Exception {
        world = SiteJoinWorld.start(dir);

        Exchange result = world.join("{\"machine\": ");

        assertFailedAt(result, Step.READ_REQUEST, "the request is not valid JSON");
        assertEquals(0, world.count(null, ".*"));
    }
}
