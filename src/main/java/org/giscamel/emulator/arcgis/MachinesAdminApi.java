package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;

import java.util.List;

/** {@code /admin/machines}: the registered machines, their details, start, stop, status and unregister. */
final class MachinesAdminApi {

    private final ArcGisSite site;
    private final AdminGuard guard;
    private final String machines;

    MachinesAdminApi(ArcGisSite site, AdminGuard guard, String admin) {
        this.site = site;
        this.guard = guard;
        this.machines = admin + "/machines";
    }

    void register(Router router) {
        guard.resource(router, machines, request -> EmulatorResponse.json(list(site.machines())));
        guard.resource(router, machines + "/{machine}", this::machine);
        guard.operation(router, machines + "/{machine}/start", request -> {
            site.start(request.pathVariable("machine"));
            return success();
        });
        guard.operation(router, machines + "/{machine}/stop", request -> {
            site.stop(request.pathVariable("machine"));
            return success();
        });
        guard.operation(router, machines + "/{machine}/unregister", request -> {
            site.unregister(request.pathVariable("machine"));
            return success();
        });
        guard.resource(router, machines + "/{machine}/status", request -> {
            ArcGisSite.MachineState state = existing(request);
            return EmulatorResponse.json(Json.object()
                    .put("configuredState", state.configuredState())
                    .put("realTimeState", state.realTimeState()));
        });
    }

    /** The {@code {"machines":[{machineName, adminURL}]}} listing, also used for a cluster's available machines. */
    static ObjectNode list(List<ArcGisSite.MachineState> states) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("machines");
        states.forEach(m -> list.addObject().put("machineName", m.machineName()).put("adminURL", m.adminUrl()));
        return body;
    }

    static EmulatorResponse success() {
        return EmulatorResponse.json(Json.object().put("status", "success"));
    }

    private EmulatorResponse machine(EmulatorRequest request) {
        ArcGisSite.MachineState state = existing(request);
        ObjectNode body = Json.object()
                .put("machineName", state.machineName())
                .put("platform", "Linux")
                .put("adminURL", state.adminUrl());
        body.putObject("ports").put("JMXPort", 4000).put("NamingPort", 4001).put("DerbyPort", 4002);
        body.put("ServerStartTime", state.serverStartTime())
                .put("webServerMaxHeapSize", -1)
                .put("webServerSSLEnabled", false)
                .put("webServerCertificateAlias", "SelfSignedCertificate")
                .put("appServerMaxHeapSize", 2048)
                .put("socMaxHeapSize", 64)
                .put("configuredState", state.configuredState())
                .put("synchronize", false)
                .put("underMaintenance", false);
        return EmulatorResponse.json(body);
    }

    private ArcGisSite.MachineState existing(EmulatorRequest request) {
        String name = request.pathVariable("machine");
        return site.machine(name).orElseThrow(() -> AdminException.notFound(name));
    }
}
