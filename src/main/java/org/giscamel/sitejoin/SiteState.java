package org.giscamel.sitejoin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site as it is: its machines ({@code admin/machines}), its clusters ({@code admin/clusters}) and each
 * machine's status, keyed by machine name.
 */
record SiteState(List<SiteAdmin.Machine> machines, List<SiteAdmin.Cluster> clusters,
                 Map<String, SiteAdmin.MachineStatus> statuses) {

    SiteState {
        machines = List.copyOf(machines);
        clusters = List.copyOf(clusters);
        statuses = Map.copyOf(statuses);
    }

    Optional<SiteAdmin.Cluster> clusterOf(String machineName) {
        return clusters.stream().filter(c -> c.has(machineName)).findFirst();
    }

    Optional<SiteAdmin.MachineStatus> status(String machineName) {
        return statuses.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(machineName))
                .map(Map.Entry::getValue).findFirst();
    }
}
