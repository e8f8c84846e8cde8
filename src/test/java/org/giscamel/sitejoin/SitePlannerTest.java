package org.giscamel.sitejoin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconcile's plan as a pure function of the declared site and the site as it is. */
class SitePlannerTest {

    private static final SiteAdmin.MachineStatus STARTED = new SiteAdmin.MachineStatus("STARTED", "STARTED");
    private static final SiteAdmin.MachineStatus STOPPED = new SiteAdmin.MachineStatus("STOPPED", "STOPPED");

    private static String admin(String host) {
        return "http://" + host + ":6080/arcgis/admin";
    }

    private static SiteDeclaration declared(boolean removeUndeclared, String... hostsAndClusters) {
        StringBuilder yaml = new StringBuilder("removeUndeclared: " + removeUndeclared + "\nmachines:\n");
        for (int i = 0; i < hostsAndClusters.length; i += 2) {
            yaml.append("  - adminUrl: ").append(admin(hostsAndClusters[i])).append('\n');
            if (!hostsAndClusters[i + 1].isEmpty()) {
                yaml.append("    cluster: ").append(hostsAndClusters[i + 1]).append('\n');
            }
        }
        return SiteDeclaration.parse(yaml.toString(), "test");
    }

    private static SiteAdmin.Machine machine(String host) {
        return new SiteAdmin.Machine(host.toUpperCase(), admin(host));
    }

    private static List<String> actions(List<PlannedStep> plan) {
        return plan.stream().map(PlannedStep::describe).toList();
    }

    @Test
    void aSiteOfOneMachineThatDeclaresThreeJoinsTheTwoMissingInTheDeclarationsOrder() {
        SiteState site = new SiteState(List.of(machine("a")), List.of(new SiteAdmin.Cluster("default", List.of("A"))),
                Map.of("A", STARTED));

        List<PlannedStep> plan = SitePlanner.plan(declared(false, "a", "default", "c", "default", "b", "default"), site);

        assertEquals(List.of("join " + admin("c"), "join " + admin("b"), "unchanged A"), actions(plan));
        assertEquals("default", plan.get(0).cluster());
    }

    @Test
    void aSiteAsDeclaredHasNothingToChange() {
        SiteState site = new SiteState(List.of(machine("a"), machine("b")),
                List.of(new SiteAdmin.Cluster("default", List.of("A", "B"))), Map.of("A", STARTED, "B", STARTED));

        List<PlannedStep> plan = SitePlanner.plan(declared(true, "a", "default", "b", ""), site);

        assertTrue(plan.stream().noneMatch(s -> s.action().changesSite()), plan.toString());
    }

    @Test
    void aMachineInNoClusterIsAddedAndAStoppedOneStartedEachInOneStep() {
        SiteState site = new SiteState(List.of(machine("a"), machine("b"), machine("c")),
                List.of(new SiteAdmin.Cluster("default", List.of("A", "C"))),
                Map.of("A", STARTED, "B", STOPPED, "C", STOPPED));

        List<PlannedStep> plan = SitePlanner.plan(declared(false, "a", "default", "b", "default", "c", "default"), site);

        assertEquals(List.of("add-to-cluster B", "start C", "unchanged A"), actions(plan));
        assertTrue(plan.get(0).reason().contains("in no cluster, declared in default"), plan.get(0).reason());
    }

    @Test
    void undeclaredMachinesLeaveOnlyWithRemoveUndeclaredAndAfterEveryJoin() {
        SiteState site = new SiteState(List.of(machine("a"), machine("x")),
                List.of(new SiteAdmin.Cluster("default", List.of("A", "X"))), Map.of("A", STARTED, "X", STARTED));

        List<PlannedStep> kept = SitePlanner.plan(declared(false, "a", "", "b", ""), site);
        List<PlannedStep> removed = SitePlanner.plan(declared(true, "a", "", "b", ""), site);

        assertEquals(List.of("join " + admin("b"), "unchanged A", "keep X"), actions(kept));
        assertEquals(List.of("join " + admin("b"), "leave X", "unchanged A"), actions(removed));
    }

    @Test
    void aMachineInAnotherClusterThanDeclaredIsAConflictNotAMove() {
        SiteState site = new SiteState(List.of(machine("a"), machine("b")),
                List.of(new SiteAdmin.Cluster("default", List.of("A")), new SiteAdmin.Cluster("maps", List.of("B"))),
                Map.of("A", STARTED, "B", STARTED));

        List<PlannedStep> plan = SitePlanner.plan(declared(false, "a", "default", "b", "default"), site);

        assertEquals(List.of("unchanged A", "conflict B"), actions(plan));
        assertTrue(plan.get(1).reason().startsWith("in cluster maps, declared in default"), plan.get(1).reason());
    }

    @Test
    void theSitesOwnSpellingOfAnAdminUrlMatchesTheDeclaredOne() {
        SiteState site = new SiteState(List.of(new SiteAdmin.Machine("A", "HTTP://A:6080/arcgis/admin/")), List.of(),
                Map.of("A", STARTED));

        assertEquals(List.of("unchanged A"), actions(SitePlanner.plan(declared(true, "a", ""), site)));
    }
}
