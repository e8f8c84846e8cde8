package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;

import java.util.Arrays;
import java.util.List;

/** {@code /admin/clusters}: deprecated since 10.8 but still served, and still used by older join flows. */
final class ClustersAdminApi {

    private final ArcGisSite site;
    private final AdminGuard guard;
    private final String clusters;

    ClustersAdminApi(ArcGisSite site, AdminGuard guard, String admin) {
        this.site = site;
        this.guard = guard;
        this.clusters = admin + "/clusters";
    }

    void register(Router router) {
        guard.resource(router, clusters, request -> {
            ObjectNode body = Json.object();
            ArrayNode list = body.putArray("clusters");
            site.clusters().forEach(c -> describe(list.addObject(), c, false));
            return EmulatorResponse.json(body);
        });
        guard.operation(router, clusters + "/create", this::create);
        guard.resource(router, clusters + "/getAvailableMachines",
                request -> EmulatorResponse.json(MachinesAdminApi.list(site.availableMachines())));
        guard.resource(router, clusters + "/{cluster}", request -> {
            ObjectNode body = describe(Json.object(), existing(request), true);
            body.put("configuredState", "STARTED");
            return EmulatorResponse.json(body);
        });
        guard.operation(router, clusters + "/{cluster}/machines/add", request -> {
            site.addToCluster(request.pathVariable("cluster"), machineNames(request));
            return MachinesAdminApi.success();
        });
        guard.operation(router, clusters + "/{cluster}/delete", request -> {
            site.deleteCluster(request.pathVariable("cluster"));
            return MachinesAdminApi.success();
        });
        guard.operation(router, clusters + "/{cluster}/machines/remove", request -> {
            site.removeFromCluster(request.pathVariable("cluster"), machineNames(request));
            return MachinesAdminApi.success();
        });
    }

    private EmulatorResponse create(EmulatorRequest request) {
        String name = request.nonBlankParam("clusterName").orElseThrow(() -> AdminException.missing("clusterName"));
        Integer port;
        try {
            port = request.nonBlankParam("tcpClusterPort").map(p -> Integer.valueOf(p.trim())).orElse(null);
        } catch (NumberFormatException e) {
            throw new AdminException(400, "'tcpClusterPort' must be a port number.");
        }
        List<String> machines = request.nonBlankParam("machineNames").map(ClustersAdminApi::split).orElse(List.of());
        site.createCluster(name.trim(), port, machines);
        return MachinesAdminApi.success();
    }

    /** {@code tcpClusterPort} is a number in the clusters list and a string in one cluster's resource (Admin API reference). */
    private static ObjectNode describe(ObjectNode node, ArcGisSite.ClusterState cluster, boolean portAsString) {
        node.put("clusterName", cluster.clusterName());
        ObjectNode protocol = node.putObject("clusterProtocol").put("type", "TCP");
        if (portAsString) {
            protocol.put("tcpClusterPort", String.valueOf(cluster.tcpClusterPort()));
        } else {
            protocol.put("tcpClusterPort", cluster.tcpClusterPort());
        }
        ArrayNode names = node.putArray("machineNames");
        cluster.machineNames().forEach(names::add);
        return node;
    }

    private ArcGisSite.ClusterState existing(EmulatorRequest request) {
        String name = request.pathVariable("cluster");
        return site.cluster(name).orElseThrow(() -> AdminException.notFound(name));
    }

    private static List<String> machineNames(EmulatorRequest request) {
        List<String> names = request.nonBlankParam("machineNames").map(ClustersAdminApi::split).orElse(List.of());
        if (names.isEmpty()) {
            throw AdminException.missing("machineNames");
        }
        return names;
    }

    private static List<String> split(String commaList) {
        return Arrays.stream(commaList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
