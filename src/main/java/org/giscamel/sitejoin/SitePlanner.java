package org.giscamel.sitejoin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reconcile's plan, as a pure function of the declared site and the site as it is. One step per machine: the
 * first that it needs of join, add to cluster, start (the join chain does the later ones as well), or leave for an
 * undeclared machine when the declaration says removeUndeclared. Steps that change the site come first, in the
 * order joins, cluster additions, starts, leaves, so that a scale-out is done before a scale-in is guarded; within
 * each, machines keep the declaration's order (undeclared ones the site's).
 */
final class SitePlanner {

    private SitePlanner() {
    }

    static List<PlannedStep> plan(SiteDeclaration declaration, SiteState site) {
        List<PlannedStep> steps = new ArrayList<>();
        List<String> declaredNames = new ArrayList<>();
        for (SiteDeclaration.DeclaredMachine declared : declaration.machines()) {
            Optional<SiteAdmin.Machine> listed = site.machines().stream()
                    .filter(m -> SiteJoinSteps.sameUrl(m.adminUrl(), declared.adminUrl())).findFirst();
            listed.ifPresent(m -> declaredNames.add(m.name()));
            steps.add(listed.map(m -> member(declared, m, site))
                    .orElseGet(() -> new PlannedStep(PlannedStep.Action.JOIN, declared.adminUrl().toString(), null,
                            declared.cluster().orElse(null), "declared, and not a machine of the site")));
        }
        for (SiteAdmin.Machine machine : site.machines()) {
            if (declaredNames.stream().anyMatch(machine.name()::equalsIgnoreCase)) {
                continue;
            }
            steps.add(declaration.removeUndeclared()
                    ? new PlannedStep(PlannedStep.Action.LEAVE, machine.adminUrl(), machine.name(), null,
                            "not declared, and the declaration says removeUndeclared")
                    : new PlannedStep(PlannedStep.Action.KEEP, machine.adminUrl(), machine.name(), null,
                            "not declared; kept, since the declaration does not say removeUndeclared"));
        }
        steps.sort(Comparator.comparingInt(step -> step.action().ordinal()));
        return List.copyOf(steps);
    }

    private static PlannedStep member(SiteDeclaration.DeclaredMachine declared, SiteAdmin.Machine machine, SiteState site) {
        // The declared URL, which the join chain then asks the machine at; the site may list another spelling.
        String declaredUrl = declared.adminUrl().toString();
        String cluster = declared.cluster().orElse(null);
        Optional<SiteAdmin.Cluster> current = site.clusterOf(machine.name());
        String status = site.status(machine.name()).map(SiteAdmin.MachineStatus::realTimeState).orElse("unknown");
        boolean started = site.status(machine.name()).map(SiteAdmin.MachineStatus::started).orElse(false);
        if (current.isPresent() && cluster != null && !current.get().name().equalsIgnoreCase(cluster)) {
            return new PlannedStep(PlannedStep.Action.CONFLICT, declaredUrl, machine.name(), cluster, "in cluster "
                    + current.get().name() + ", declared in " + cluster + "; a machine is in one cluster only: remove it "
                    + "from " + current.get().name() + " (or leave and join again), or declare " + current.get().name());
        }
        if (current.isEmpty() && (cluster != null || !site.clusters().isEmpty())) {
            return new PlannedStep(PlannedStep.Action.ADD_TO_CLUSTER, declaredUrl, machine.name(), cluster,
                    "in no cluster" + (cluster == null ? "" : ", declared in " + cluster) + "; realTimeState " + status);
        }
        if (!started) {
            return new PlannedStep(PlannedStep.Action.START, declaredUrl, machine.name(), cluster,
                    "realTimeState " + status);
        }
        return new PlannedStep(PlannedStep.Action.UNCHANGED, declaredUrl, machine.name(), cluster,
                "in the site" + current.map(c -> ", in cluster " + c.name()).orElse("") + ", STARTED");
    }
}
