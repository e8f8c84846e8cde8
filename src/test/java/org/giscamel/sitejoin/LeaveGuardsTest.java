package org.giscamel.sitejoin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guards of a machine's leaving, as a pure function of the site's state. */
class LeaveGuardsTest {

    private static final SiteAdmin.MachineStatus STARTED = new SiteAdmin.MachineStatus("STARTED", "STARTED");
    private static final SiteAdmin.MachineStatus STOPPED = new SiteAdmin.MachineStatus("STOPPED", "STOPPED");
    private static final Set<String> FLOW = Set.of("A");

    private static List<SiteAdmin.Machine> machines(String... names) {
        return java.util.Arrays.stream(names).map(n -> new SiteAdmin.Machine(n, "http://" + n + ":6080/arcgis/admin")).toList();
    }

    private static SiteAdmin.Cluster cluster(String name, String... members) {
        return new SiteAdmin.Cluster(name, List.of(members));
    }

    private static String refusal(LeaveGuards.Verdict verdict) {
        return verdict.refusal().orElseThrow(() -> new AssertionError("allowed: " + verdict.detail()));
    }

    @Test
    void theLastMachineNeverLeavesEvenForced() {
        LeaveGuards.Verdict verdict = LeaveGuards.check("A", machines("A"), List.of(cluster("default", "A")),
                Map.of("A", STARTED), Set.of(), true);

        assertTrue(refusal(verdict).startsWith("A is the site's last machine"), verdict.detail());
    }

    @Test
    void theMachineTheFlowTalksToNeverLeavesEvenForced() {
        LeaveGuards.Verdict verdict = LeaveGuards.check("a", machines("A", "B"), List.of(cluster("default", "A", "B")),
                Map.of("A", STARTED, "B", STARTED), FLOW, true);

        assertTrue(refusal(verdict).contains("the machine this flow talks to (gis.arcgis.url)"), verdict.detail());
    }

    @Test
    void theOnlyStartedMachineOfItsClusterLeavesOnlyWhenForced() {
        List<SiteAdmin.Cluster> clusters = List.of(cluster("default", "A"), cluster("maps", "B", "C"));
        Map<String, SiteAdmin.MachineStatus> statuses = Map.of("B", STARTED, "C", STOPPED);

        LeaveGuards.Verdict guarded = LeaveGuards.check("B", machines("A", "B", "C"), clusters, statuses, FLOW, false);
        LeaveGuards.Verdict forced = LeaveGuards.check("B", machines("A", "B", "C"), clusters, statuses, FLOW, true);

        assertTrue(refusal(guarded).startsWith("B is the only started machine of cluster maps"), guarded.detail());
        assertTrue(refusal(guarded).contains("--force"), guarded.detail());
        assertTrue(forced.refusal().isEmpty());
        assertTrue(forced.detail().contains("as forced"), forced.detail());
    }

    @Test
    void aMachineWithAStartedPeerOrItselfStoppedMayLeave() {
        List<SiteAdmin.Cluster> clusters = List.of(cluster("default", "A", "B", "C"));

        LeaveGuards.Verdict peer = LeaveGuards.check("B", machines("A", "B", "C"), clusters,
                Map.of("A", STARTED, "B", STARTED, "C", STOPPED), FLOW, false);
        LeaveGuards.Verdict stopped = LeaveGuards.check("B", machines("A", "B"), List.of(cluster("maps", "B")),
                Map.of("B", STOPPED), FLOW, false);

        assertEquals("B may leave: 1 other started machine in cluster default, 2 machines stay", peer.detail());
        assertTrue(peer.refusal().isEmpty());
        assertTrue(stopped.refusal().isEmpty(), stopped.detail());
    }

    @Test
    void onASiteWithoutClustersTheSiteIsTheGroupAndAMachineInNoClusterServesNothing() {
        LeaveGuards.Verdict noClusters = LeaveGuards.check("B", machines("A", "B"), List.of(),
                Map.of("A", STOPPED, "B", STARTED), FLOW, false);
        LeaveGuards.Verdict inNone = LeaveGuards.check("B", machines("A", "B"), List.of(cluster("default", "A")),
                Map.of(), FLOW, false);

        assertTrue(refusal(noClusters).startsWith("B is the only started machine of the site"), noClusters.detail());
        assertTrue(inNone.refusal().isEmpty());
        assertTrue(inNone.detail().contains("in no cluster"), inNone.detail());
    }
}
