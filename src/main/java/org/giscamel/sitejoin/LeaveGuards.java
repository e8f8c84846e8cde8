package org.giscamel.sitejoin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The guards of a machine's leaving, as a pure function of the site's state. In order: never the site's last
 * machine; never the machine the flow talks to (the one at {@code gis.arcgis.url}); never the only started member of
 * its cluster (on a site without clusters: of the site), unless forced. Only the last may be forced: the first two
 * would leave no site, or no machine to finish the job through.
 */
final class LeaveGuards {

    /** The guards' answer: a refusal, or what the leave will change, for the report. */
    record Verdict(Optional<String> refusal, String detail) {

        static Verdict refused(String why) {
            return new Verdict(Optional.of(why), why);
        }

        static Verdict allowed(String detail) {
            return new Verdict(Optional.empty(), detail);
        }
    }

    private LeaveGuards() {
    }

    /**
     * @param machine      the name of the machine that would leave, as the site lists it
     * @param flowMachines the names of the machines the flow talks to
     * @param statuses     the status of every machine in the leaving machine's cluster (or site, without clusters)
     */
    static Verdict check(String machine, List<SiteAdmin.Machine> machines, List<SiteAdmin.Cluster> clusters,
                         Map<String, SiteAdmin.MachineStatus> statuses, Set<String> flowMachines, boolean force) {
        if (machines.size() <= 1) {
            return Verdict.refused(machine + " is the site's last machine; a site cannot go on without one (delete "
                    + "the site instead)");
        }
        if (flowMachines.stream().anyMatch(machine::equalsIgnoreCase)) {
            return Verdict.refused(machine + " is the machine this flow talks to (gis.arcgis.url); point gis.arcgis.url "
                    + "at another machine of the site first");
        }
        Optional<SiteAdmin.Cluster> cluster = clusters.stream().filter(c -> c.has(machine)).findFirst();
        if (!clusters.isEmpty() && cluster.isEmpty()) {
            return Verdict.allowed(machine + " may leave: it is in no cluster, so it serves nothing; "
                    + (machines.size() - 1) + " machines stay");
        }
        List<String> group = cluster.map(SiteAdmin.Cluster::machineNames)
                .orElseGet(() -> machines.stream().map(SiteAdmin.Machine::name).toList());
        String where = cluster.map(c -> "cluster " + c.name()).orElse("the site");
        boolean started = started(statuses, machine);
        long othersStarted = group.stream().filter(m -> !m.equalsIgnoreCase(machine)).filter(m -> started(statuses, m)).count();
        if (started && othersStarted == 0) {
            String only = machine + " is the only started machine of " + where + "; its services would stop";
            if (!force) {
                return Verdict.refused(only + ". Start another machine of " + where + " first, or force it "
                        + "(--force, \"force\": true)");
            }
            return Verdict.allowed(only + "; it leaves all the same, as forced");
        }
        return Verdict.allowed(machine + " may leave: " + othersStarted + " other started machine"
                + (othersStarted == 1 ? "" : "s") + " in " + where + ", " + (machines.size() - 1) + " machines stay");
    }

    private static boolean started(Map<String, SiteAdmin.MachineStatus> statuses, String machine) {
        return statuses.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase(machine) && e.getValue().started());
    }
}
