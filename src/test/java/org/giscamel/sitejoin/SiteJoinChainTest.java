package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                "add-to-cluster", "start-machine"), report.path("steps").findValuesAsText("step"));
        report.path("steps").forEach(s -> assertTrue(s.path("durationMillis").asLong() >= 0 && s.has("detail"), s.toString()));
    }

    @Test
    void aSecondRunSucceedsAndReportsEveryStepAlreadyDone() throws Exception {
        world = SiteJoinWorld.start(dir);
        assertNull(world.joinFresh("default").getException());

        Exchange second = world.joinFresh("default");

        assertNull(second.getException());
        assertEquals(SiteJoinReport.Outcome.ALREADY_DONE, run(second).report().outcome());
        for (Step step : List.of(Step.JOIN_SITE, Step.WAIT_FOR_RESTART, Step.GET_ADMIN_TOKEN, Step.ADD_TO_CLUSTER,
                Step.START_MACHINE)) {
            assertEquals(StepOutcome.ALREADY_DONE, step(second, step).outcome(), step.label());
        }
        assertTrue(step(second, Step.CHECK_MEMBERSHIP).detail().contains("already in this site"));
        assertEquals(1, world.count("POST", ".*/admin/joinSite"));
        assertEquals(1, world.count("POST", ".*/admin/clusters/default/machines/add"));
    }

    @Test
    void onASiteFrom108OnWithoutAClusterTheClusterStepIsSkippedWithANote() throws Exception {
        world = SiteJoinWorld.start(dir);
        assertNull(world.joinFresh("default").getException());

        Exchange withoutCluster = world.joinFresh("");

        assertNull(withoutCluster.getException());
        StepResult cluster = step(withoutCluster, Step.ADD_TO_CLUSTER);
        assertEquals(StepOutcome.SKIPPED, cluster.outcome());
        assertTrue(cluster.detail().contains("deprecated from ArcGIS Server 10.8 (the site runs 11.1)"), cluster.detail());
        assertEquals(SiteJoinReport.Outcome.ALREADY_DONE, run(withoutCluster).report().outcome());
    }

    @Test
    void beforeVersion108AMachineWithoutAClusterGoesToDefault() throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.version = "10.7.1";
        world = SiteJoinWorld.start(config, dir, Map.of(), List.of(SiteJoinWorld.CHAIN));

        Exchange result = world.join(SiteJoinRequest.of(URI.create(world.arcgis.freshMachineUrl())));

        assertNull(result.getException());
        assertEquals("default", node().clusterName());
        assertEquals("STARTED", node().realTimeState());
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
