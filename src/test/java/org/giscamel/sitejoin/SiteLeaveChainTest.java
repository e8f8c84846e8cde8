package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisSite;
import org.giscamel.emulator.arcgis.ArcGisVariants;
import org.giscamel.emulator.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.giscamel.sitejoin.SiteJoinWorld.NODE;
import static org.giscamel.sitejoin.SiteJoinWorld.NODE3;
import static org.giscamel.sitejoin.SiteJoinWorld.SITE_MACHINE;
import static org.giscamel.sitejoin.SiteJoinWorld.assertFailedAt;
import static org.giscamel.sitejoin.SiteJoinWorld.assertOutcome;
import static org.giscamel.sitejoin.SiteJoinWorld.reportFile;
import static org.giscamel.sitejoin.SiteJoinWorld.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leave chain against the ArcGIS emulator: a site of three machines, its guards, and faults in each step. */
class SiteLeaveChainTest {

    @TempDir
    Path dir;
    private SiteJoinWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    /** The site machine, and NODE2 and NODE3 joined to cluster {@code cluster}, started. */
    private void threeMachines(ArcGisEmulatorConfig config, String cluster, Map<String, String> properties) throws Exception {
        world = SiteJoinWorld.start(config, dir, properties, List.of(SiteJoinWorld.CHAIN, SiteJoinWorld.LEAVE));
        assertOutcome(world.joinFresh(0, "default"), SiteReport.Outcome.DONE);
        assertOutcome(world.join(new SiteJoinRequest(URI.create(world.arcgis.freshMachineUrl(1)), Optional.of(cluster),
                Optional.of(true))), SiteReport.Outcome.DONE);
    }

    private void threeMachines() throws Exception {
        threeMachines(SiteJoinWorld.twoFreshMachines(), "default", Map.of());
    }

    private Exchange leaveNode3() {
        return world.leave(SiteLeaveRequest.of(URI.create(world.arcgis.freshMachineUrl(1)), false));
    }

    private boolean member(String machine) {
        return world.arcgis.site().isMember(machine);
    }

    @Test
    void theMachineIsStoppedRemovedFromItsClusterAndUnregistered() throws Exception {
        threeMachines();

        Exchange result = leaveNode3();

        assertOutcome(result, SiteReport.Outcome.DONE);
        assertFalse(member(NODE3));
        assertEquals(List.of(SITE_MACHINE, NODE), world.arcgis.site().cluster("default").orElseThrow().machineNames());
        JsonNode report = reportFile(result);
        assertEquals("site-leave", report.path("flow").asText());
        assertEquals(NODE3, report.path("machineName").asText());
        assertEquals("default", report.path("cluster").asText());
        assertEquals(List.of("read-request", "check-membership", "check-guards", "stop-machine", "remove-from-cluster",
                "unregister"), report.path("steps").findValuesAsText("step"));
        assertEquals(1, world.count("POST", ".*/admin/machines/" + NODE3 + "/stop"));
        assertEquals(1, world.count("POST", ".*/admin/clusters/default/machines/remove"));
        assertEquals(1, world.count("POST", ".*/admin/machines/" + NODE3 + "/unregister"));
    }

    @Test
    void aMachineThatIsGoneAlreadyIsReportedAlreadyDone() throws Exception {
        threeMachines();
        assertOutcome(leaveNode3(), SiteReport.Outcome.DONE);

        Exchange again = leaveNode3();

        assertOutcome(again, SiteReport.Outcome.ALREADY_DONE);
        assertTrue(step(again, LeaveStep.CHECK_MEMBERSHIP).detail().contains("is not a machine of"));
        assertEquals(StepOutcome.SKIPPED, step(again, LeaveStep.CHECK_GUARDS).outcome());
        for (LeaveStep change : List.of(LeaveStep.STOP_MACHINE, LeaveStep.REMOVE_FROM_CLUSTER, LeaveStep.UNREGISTER)) {
            assertEquals(StepOutcome.ALREADY_DONE, step(again, change).outcome(), change.label());
        }
        assertEquals(1, world.count("POST", ".*/admin/machines/" + NODE3 + "/unregister"));
    }

    @ParameterizedTest
    @EnumSource(ArcGisVariants.StoppingState.class)
    void aMachineNamedByItsNameLeavesWhateverItsStatusShowsWhileItStops(ArcGisVariants.StoppingState stopping)
            throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.twoFreshMachines();
        config.variants.stoppingState = stopping;
        threeMachines(config, "default", Map.of());

        Exchange result = world.leave("{\"machineName\":\"node2.emulator.local\"}");

        assertOutcome(result, SiteReport.Outcome.DONE);
        assertFalse(member(NODE));
        assertTrue(member(NODE3));
    }

    @Test
    void theSitesLastMachineNeverLeaves() throws Exception {
        world = SiteJoinWorld.start(SiteJoinWorld.fastEmulator(), dir, Map.of(), List.of(SiteJoinWorld.LEAVE));

        Exchange result = world.leave(SiteLeaveRequest.named(SITE_MACHINE, true));

        assertFailedAt(result, LeaveStep.CHECK_GUARDS, "is the site's last machine");
        assertEquals(0, world.count("POST", ".*/admin/machines/.*"));
        assertTrue(member(SITE_MACHINE));
    }

    @Test
    void theMachineTheFlowTalksToNeverLeavesEvenForced() throws Exception {
        threeMachines();

        Exchange result = world.leave(SiteLeaveRequest.of(URI.create(world.arcgis.siteUrl()), true));

        assertFailedAt(result, LeaveStep.CHECK_GUARDS, "the machine this flow talks to (gis.arcgis.url)");
        assertEquals(0, world.count("POST", ".*/admin/machines/" + SITE_MACHINE + "/stop"));
        assertTrue(member(SITE_MACHINE));
    }

    @Test
    void theOnlyStartedMachineOfAClusterLeavesOnlyWhenForced() throws Exception {
        threeMachines(SiteJoinWorld.twoFreshMachines(), "maps", Map.of());

        Exchange guarded = leaveNode3();

        assertFailedAt(guarded, LeaveStep.CHECK_GUARDS, NODE3 + " is the only started machine of cluster maps");
        assertEquals("STARTED", world.arcgis.site().machine(NODE3).orElseThrow().realTimeState());
        Exchange forced = world.leave("{\"machine\":\"" + world.arcgis.freshMachineUrl(1) + "\",\"force\":true}");
        assertOutcome(forced, SiteReport.Outcome.DONE);
        assertTrue(step(forced, LeaveStep.CHECK_GUARDS).detail().contains("as forced"));
        assertFalse(member(NODE3));
    }

    @Test
    void theForceHeaderForcesTheGuardAsTheKameletsPropertyDoes() throws Exception {
        threeMachines(SiteJoinWorld.twoFreshMachines(), "maps", Map.of());

        Exchange forced = world.camel.producer().send("direct:site-leave", exchange -> {
            exchange.getMessage().setBody("{\"machineName\":\"" + NODE3 + "\"}");
            exchange.getMessage().setHeader(SiteLeaveSteps.FORCE_HEADER, "true");
        });

        assertOutcome(forced, SiteReport.Outcome.DONE);
        assertEquals("true", reportFile(forced).path("force").asText());
    }

    @Test
    void onASiteWithoutClustersTheClusterStepIsSkipped() throws Exception {
        threeMachines();
        ArcGisSite site = world.arcgis.site();
        site.removeFromCluster("default", List.of(SITE_MACHINE, NODE, NODE3));
        site.deleteCluster("default");

        Exchange result = leaveNode3();

        assertOutcome(result, SiteReport.Outcome.DONE);
        assertEquals(StepOutcome.SKIPPED, step(result, LeaveStep.REMOVE_FROM_CLUSTER).outcome());
        assertFalse(member(NODE3));
    }

    @Test
    void aMachineThatNeverReachesStoppedFailsTheStopAtItsDeadlineAndTheNextRunFinishes() throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.twoFreshMachines();
        config.machineStopDelay = Duration.ofHours(1);
        threeMachines(config, "default", Map.of("gis.site-leave.stop-deadline", "300ms"));

        Exchange first = leaveNode3();
        world.arcgis.config().machineStopDelay = Duration.ZERO;
        Exchange second = leaveNode3();

        assertFailedAt(first, LeaveStep.STOP_MACHINE, "gave up waiting for " + NODE3 + " to reach STOPPED after 300ms");
        assertOutcome(second, SiteReport.Outcome.DONE);
        assertEquals(StepOutcome.ALREADY_DONE, step(second, LeaveStep.STOP_MACHINE).outcome());
        assertEquals(1, world.count("POST", ".*/admin/machines/" + NODE3 + "/stop"), "a stop under way is not asked twice");
        assertFalse(member(NODE3));
    }

    @Test
    void a503ThatOutlastsTheRetriesFailsTheUnregisterAndTheNextRunFinishes() throws Exception {
        threeMachines();
        world.arcgis.faults().arm(Fault.HTTP_503, "/admin/machines/[^/]+/unregister$", -1);

        Exchange first = leaveNode3();
        world.arcgis.faults().clear();
        Exchange second = leaveNode3();

        assertFailedAt(first, LeaveStep.UNREGISTER, "HTTP 503");
        assertEquals(3, step(first, LeaveStep.UNREGISTER).attempts(), "first attempt and gis.retry.max-retries=2");
        assertOutcome(second, SiteReport.Outcome.DONE);
        assertEquals(StepOutcome.ALREADY_DONE, step(second, LeaveStep.REMOVE_FROM_CLUSTER).outcome());
        assertEquals(StepOutcome.DONE, step(second, LeaveStep.UNREGISTER).outcome());
    }

    @Test
    void anErrorEnvelopeOnTheClusterRemovalFailsItsStepAndTheNextRunFinishes() throws Exception {
        threeMachines();
        world.arcgis.faults().arm(Fault.ERROR_ENVELOPE, "/admin/clusters/default/machines/remove$", 1);

        Exchange first = leaveNode3();

        assertFailedAt(first, LeaveStep.REMOVE_FROM_CLUSTER, "The operation failed (injected)");
        assertTrue(member(NODE3), "not unregistered while still in its cluster");
        Exchange second = leaveNode3();
        assertOutcome(second, SiteReport.Outcome.DONE);
        assertFalse(member(NODE3));
    }

    @Test
    void droppedConnectionsThatOutlastTheRetriesFailTheMembershipCheck() throws Exception {
        threeMachines();
        world.arcgis.faults().arm(Fault.CONNECTION_RESET, "/admin/machines$", -1);

        Exchange result = leaveNode3();

        assertFailedAt(result, LeaveStep.CHECK_MEMBERSHIP, "list the site's machines failed");
        assertEquals(0, world.count("POST", ".*/admin/machines/" + NODE3 + "/stop"));
    }

    @Test
    void aRequestNamingBothOrNeitherFailsBeforeAnyServerIsCalled() throws Exception {
        world = SiteJoinWorld.start(SiteJoinWorld.fastEmulator(), dir, Map.of(), List.of(SiteJoinWorld.LEAVE));

        Exchange both = world.leave("{\"machine\":\"http://n:6080/arcgis\",\"machineName\":\"N\"}");
        Exchange none = world.leave(null);

        assertFailedAt(both, LeaveStep.READ_REQUEST, "not both");
        assertFailedAt(none, LeaveStep.READ_REQUEST, "no machine given");
        assertEquals(0, world.count(null, ".*"));
    }
}
