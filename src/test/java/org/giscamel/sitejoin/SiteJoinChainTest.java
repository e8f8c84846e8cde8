package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisSite;
import org.giscamel.emulator.arcgis.ArcGisVariants;
import org.giscamel.emulator.http.RequestLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.giscamel.sitejoin.SiteJoinWorld.NODE;
import static org.giscamel.sitejoin.SiteJoinWorld.reportFile;
import static org.giscamel.sitejoin.SiteJoinWorld.run;
import static org.giscamel.sitejoin.SiteJoinWorld.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The join chain against the ArcGIS emulator's fresh machine: the happy path, a second run, and the cluster rules. */
class SiteJoinChainTest {

    @TempDir
    Path dir;
    private SiteJoinWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    private ArcGisSite.MachineState node() {
        return world.arcgis.site().machine(NODE).orElseThrow(() -> new AssertionError(NODE + " is not in the site"));
    }

    @Test
    void theFreshMachineEndsInTheSiteInTheClusterStarted() throws Exception {
        world = SiteJoinWorld.start(dir);

        Exchange result = world.joinFresh("default");

        assertNull(result.getException());
        assertEquals("default", node().clusterName());
        assertEquals("STARTED", node().realTimeState());
        assertEquals(SiteJoinReport.Outcome.DONE, run(result).report().outcome());
        for (Step step : Step.values()) {
            assertEquals(StepOutcome.DONE, step(result, step).outcome(), step.label());
        }
    }

    @Test
    void theReportIsWrittenAsJsonWithOneEntryPerStepAndReturnedAsTheBody() throws Exception {
        world = SiteJoinWorld.start(dir);

        Exchange result = world.joinFresh("default");

        JsonNode report = reportFile(result);
        assertTrue(run(result).reportFile().orElseThrow().startsWith(world.reports));
        assertEquals(run(result).reportFile().orElseThrow().toString(),
                result.getMessage().getHeader(SiteJoinSteps.REPORT_FILE_HEADER));
        assertEquals(report, new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.getMessage().getBody(String.class)));
        assertEquals("done", report.path("outcome").asText());
        assertEquals(NODE, report.path("machineName").asText());
        assertEquals("11.1", report.path("siteVersion").asText());
        assertEquals(List.of("read-request", "check-membership", "join-site", "wait-for-restart", "get-admin-token",
                "read-machine-name", "add-to-cluster", "start-machine"), report.path("steps").findValuesAsText("step"));
        report.path("steps").forEach(s -> assertTrue(s.path("durationMillis").asLong() >= 0 && s.has("detail"), s.toString()));
    }

    @Test
    void aSecondRunSucceedsAndReportsEveryStepAlreadyDone() throws Exception {
        world = SiteJoinWorld.start(dir);
        assertNull(world.joinFresh("default").getException());

        Exchange second = world.joinFresh("default");

        assertNull(second.getException());
        assertEquals(SiteJoinReport.Outcome.ALREADY_DONE, run(second).report().outcome());
        for (Step step : List.of(Step.JOIN_SITE, Step.WAIT_FOR_RESTART, Step.GET_ADMIN_TOKEN, Step.READ_MACHINE_NAME,
                Step.ADD_TO_CLUSTER, Step.START_MACHINE)) {
            assertEquals(StepOutcome.ALREADY_DONE, step(second, step).outcome(), step.label());
        }
        assertTrue(step(second, Step.CHECK_MEMBERSHIP).detail().contains("already in this site"));
        assertEquals(1, world.count("POST", ".*/admin/joinSite"));
        assertEquals(1, world.count("POST", ".*/admin/clusters/default/machines/add"));
    }

    /**
     * The real clients read admin/local only after joinSite and generateToken (CHEF, GITOPS): the join must work
     * whatever a machine in no site answers there, and must not ask it anonymously at all.
     */
    @ParameterizedTest
    @EnumSource(ArcGisVariants.FreshMachineLocal.class)
    void theJoinNeverReadsAdminLocalWithoutAToken(ArcGisVariants.FreshMachineLocal local) throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.variants.freshMachineLocal = local;
        world = SiteJoinWorld.start(config, dir, Map.of(), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.joinFresh("default");

        assertNull(result.getException());
        assertEquals("STARTED", node().realTimeState());
        assertEquals(NODE, reportFile(result).path("machineName").asText());
        List<RequestLog.Entry> localReads = world.arcgis.requests().entries().stream()
                .filter(e -> e.path().endsWith("/admin/local")).toList();
        assertFalse(localReads.isEmpty());
        assertTrue(localReads.stream().allMatch(RequestLog.Entry::withToken), localReads.toString());
    }

    /** A machine is started only from a cluster; where a 10.8+ join leaves it is unsourced, so both are handled. */
    @ParameterizedTest
    @CsvSource({"10.6, NONE", "10.6, DEFAULT", "10.8.1, NONE", "10.8.1, DEFAULT", "11.3, NONE", "11.3, DEFAULT"})
    void withoutAClusterAskedForTheMachineEndsInDefaultOnEveryRelease(String release,
                                                                     ArcGisVariants.JoinedMachineCluster placement)
            throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.variants.version = release;
        config.variants.joinedMachineCluster = placement;
        world = SiteJoinWorld.start(config, dir, Map.of(), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.join(SiteJoinRequest.of(URI.create(world.arcgis.freshMachineUrl())));

        assertNull(result.getException());
        assertEquals("default", node().clusterName());
        assertEquals("STARTED", node().realTimeState());
        assertEquals(placement == ArcGisVariants.JoinedMachineCluster.DEFAULT ? StepOutcome.ALREADY_DONE : StepOutcome.DONE,
                step(result, Step.ADD_TO_CLUSTER).outcome());
        assertEquals(release, reportFile(result).path("siteVersion").asText());
    }

    @Test
    void onASiteWithoutClustersTheClusterStepIsSkippedWithANote() throws Exception {
        world = SiteJoinWorld.start(dir);
        world.arcgis.site().removeFromCluster("default", List.of(world.arcgis.config().siteMachineName));
        world.arcgis.site().deleteCluster("default");

        Exchange result = world.join(SiteJoinRequest.of(URI.create(world.arcgis.freshMachineUrl())));

        StepResult cluster = step(result, Step.ADD_TO_CLUSTER);
        assertEquals(StepOutcome.SKIPPED, cluster.outcome());
        assertTrue(cluster.detail().contains("deprecated from ArcGIS Server 10.8; the site runs 11.1"), cluster.detail());
    }

    @ParameterizedTest
    @EnumSource(ArcGisVariants.RestartWindow.class)
    void theJoinWaitsOutTheRestartWhetherItAnswers503OrDropsConnections(ArcGisVariants.RestartWindow window)
            throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.variants.restartWindow = window;
        world = SiteJoinWorld.start(config, dir, Map.of(), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.joinFresh("default");

        assertNull(result.getException());
        assertEquals("STARTED", node().realTimeState());
        int restartAnswer = window == ArcGisVariants.RestartWindow.HTTP_503 ? 503 : -1;
        assertTrue(world.arcgis.requests().entries().stream().anyMatch(e -> e.status() == restartAnswer),
                "the restart window was seen");
    }

    @Test
    void theConfiguredClusterAppliesWhenTheRequestNamesNone() throws Exception {
        world = SiteJoinWorld.start(SiteJoinWorld.fastEmulator(), dir, Map.of("gis.site-join.cluster", "default"),
                List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.join("{\"machine\":\"" + world.arcgis.freshMachineUrl() + "\"}");

        assertNull(result.getException());
        assertEquals("default", node().clusterName());
    }

    @Test
    void aMissingClusterIsCreatedOnlyWhenAsked() throws Exception {
        world = SiteJoinWorld.start(dir);

        Exchange result = world.join(new SiteJoinRequest(URI.create(world.arcgis.freshMachineUrl()), Optional.of("maps"),
                Optional.of(true)));

        assertNull(result.getException());
        assertEquals(List.of(NODE), world.arcgis.site().cluster("maps").orElseThrow().machineNames());
        assertTrue(step(result, Step.ADD_TO_CLUSTER).detail().startsWith("created cluster maps, then added"));
        assertEquals("STARTED", node().realTimeState());
    }

    @Test
    void theConfiguredMachineIsJoinedWhenTheBodyIsEmpty() throws Exception {
        try (SiteJoinWorld probe = SiteJoinWorld.start(dir.resolve("probe"))) {
            assertFalse(probe.camel.context().getRegistry().lookupByNameAndType("siteJoin", SiteJoinSteps.class)
                    .hasConfiguredMachine());
        }
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.freshMachinePort = freePort();
        world = SiteJoinWorld.start(config, dir, Map.of(
                "gis.site-join.machine-url", "http://127.0.0.1:" + config.freshMachinePort + "/arcgis",
                "gis.site-join.cluster", "default"), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.join(null);

        assertNull(result.getException());
        assertEquals("STARTED", node().realTimeState());
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
