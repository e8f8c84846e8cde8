package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /web/services} (list, register, batch delete) and {@code /web/services/{id}} (get, update, delete).
 *
 * <p>Choices where the reference leaves gaps: re-registering an address the same user registered answers HTTP 400
 * with {@code succeed:false} (iPortal's status list has no 409); a caller who may not see or edit a service gets
 * 401 (the list has no 403); a batch delete naming an unknown id answers 404 and deletes nothing. A POST carrying
 * {@code _method=GET} or {@code _method=DELETE} with the parameters as a JSON body is served as that method, as
 * iClient does for URLs over 2000 bytes. What a listing without a live session answers and how registration checks
 * that the address answers are switches ({@link IPortalVariants#anonymousList},
 * {@link IPortalVariants#registerReachability}).
 */
final class ServicesResource {

    /** The quirky default thumbnail real iPortal stores, unnormalised {@code ../} included. */
    private static final String DEFAULT_THUMBNAIL = "/services/../web/static/portal/img/map/cloud.png";

    private final ServiceRegistry registry;
    private final PortalAuth auth;
    private final IPortalEmulatorConfig config;
    private final LinkageProbe probe;
    private final Supplier<String> portalUrl;

    ServicesResource(ServiceRegistry registry, PortalAuth auth, IPortalEmulatorConfig config, Supplier<String> portalUrl) {
        this.registry = registry;
        this.auth = auth;
        this.config = config;
        this.probe = new LinkageProbe(config.linkageCheckTimeout);
        this.portalUrl = portalUrl;
    }

    void register(PortalRoutes routes) {
        String services = "/web/services";
        String service = services + "/{id:\\d+}";
        routes.on(PortalRoutes.READ, services, r -> list(r, r.params()))
                .on(Set.of("POST"), services, this::postOrOverride)
                .on(Set.of("DELETE"), services, r -> deleteMany(r, r.params()))
                .on(PortalRoutes.READ, service, this::get)
                .on(Set.of("PUT"), service, this::update)
                .on(Set.of("DELETE"), service, this::deleteOne);
    }

    private EmulatorResponse list(EmulatorRequest request, Map<String, String> params) {
        Caller caller = auth.identify(request);
        if (config.variants.anonymousList == IPortalVariants.AnonymousList.UNAUTHORIZED) {
            caller.requireLogin();
        }
        ServiceSearch search = ServiceSearch.parse(params, config.defaultPageSize);
        Page<ServiceRegistration> page = search.run(registry.stream(), caller);
        ObjectNode json = Json.object();
        ArrayNode content = json.putArray("content");
        page.content().forEach(r -> content.add(ServiceInfoJson.listItem(r)));
        json.put("currentPage", page.currentPage());
        json.put("pageSize", page.pageSize());
        json.set("searchParameter", search.searchParameter());
        json.put("total", page.total());
        json.put("totalPage", page.totalPage());
        return EmulatorResponse.json(json);
    }

    private EmulatorResponse postOrOverride(EmulatorRequest request) {
        String override = request.param("_method").orElse("");
        return switch (override.toUpperCase(Locale.ROOT)) {
            case "" -> create(request);
            case "GET" -> list(request, paramsWithBody(request));
            case "DELETE" -> deleteMany(request, paramsWithBody(request));
            default -> throw new BadRequestException("Unsupported _method '" + override + "'");
        };
    }

    private EmulatorResponse create(EmulatorRequest request) {
        Caller caller = auth.identify(request).requireLogin();
        JsonNode body = body(request);
        ServiceRegistration.Builder builder = ServiceBodies.registration(body, caller.username());
        ServiceRegistration candidate = builder.build();
        registry.findByLinkage(caller.username(), candidate.linkPage()).ifPresent(existing -> {
            throw duplicate(existing.id());
        });
        if (!PortalEnums.OTHERS.equals(candidate.type()) && !probe.reachable(config.variants.registerReachability,
                candidate.type(), candidate.linkPage(), carriesTokenAccess(candidate, body))) {
            throw new BadRequestException("The service is unavailable, so it cannot be registered");
        }
        builder.thumbnail(portalUrl.get() + DEFAULT_THUMBNAIL)
                .checkStatus(config.serviceAudit && !caller.admin() ? "UNCHECKED" : "SUCCESSFUL");
        ServiceRegistration stored;
        try {
            stored = registry.add(builder.build());
        } catch (DuplicateRegistrationException e) {
            throw duplicate(e.existingId());
        }
        String location = portalUrl.get() + "/web/services/" + stored.id();
        ObjectNode result = Json.object().put("succeed", true)
                .put("newResourceID", String.valueOf(stored.id()))
                .put("newResourceLocation", location);
        return EmulatorResponse.json(201, result).header("Location", location);
    }

    /** {@code credentialId} (11i) is not stored: only its presence counts, as the emulator keeps no credentials. */
    private static boolean carriesTokenAccess(ServiceRegistration candidate, JsonNode body) {
        return (candidate.tokenRefreshUrl() != null && !candidate.tokenRefreshUrl().isBlank())
                || (body.hasNonNull("credentialId") && !body.path("credentialId").asText().isBlank());
    }

    private static BadRequestException duplicate(int existingId) {
        return new BadRequestException(DuplicateRegistrationException.message(existingId));
    }

    private EmulatorResponse deleteMany(EmulatorRequest request, Map<String, String> params) {
        Caller caller = auth.identify(request).requireLogin();
        List<Integer> ids = LenientParams.integers("ids", params.get("ids"));
        if (ids.isEmpty()) {
            throw new BadRequestException("ids is required");
        }
        ids.forEach(id -> editable(caller, id));
        registry.removeAll(ids);
        return EmulatorResponse.json(IPortalErrors.success());
    }

    private EmulatorResponse get(EmulatorRequest request) {
        Caller caller = auth.identify(request);
        ServiceRegistration service = existing(id(request));
        if (!caller.canSee(service)) {
            throw IPortalException.unauthorized("No permission to view service " + service.id());
        }
        return EmulatorResponse.json(ServiceInfoJson.full(service));
    }

    private EmulatorResponse update(EmulatorRequest request) {
        Caller caller = auth.identify(request).requireLogin();
        ServiceRegistration service = editable(caller, id(request));
        ServiceBodies.edit(body(request), service.userName()).ifPresent(edit -> registry.update(service.id(), edit));
        return EmulatorResponse.json(IPortalErrors.success());
    }

    private EmulatorResponse deleteOne(EmulatorRequest request) {
        Caller caller = auth.identify(request).requireLogin();
        registry.remove(editable(caller, id(request)).id());
        return EmulatorResponse.json(IPortalErrors.success());
    }

    private ServiceRegistration editable(Caller caller, int id) {
        ServiceRegistration service = existing(id);
        if (!caller.canEdit(service)) {
            throw IPortalException.unauthorized("Only the registrant or an administrator may change service " + id);
        }
        return service;
    }

    private ServiceRegistration existing(int id) {
        return registry.find(id).orElseThrow(() -> IPortalException.notFound("Service " + id + " does not exist"));
    }

    private static int id(EmulatorRequest request) {
        try {
            return Integer.parseInt(request.pathVariable("id"));
        } catch (NumberFormatException e) {
            throw IPortalException.notFound("Service " + request.pathVariable("id") + " does not exist");
        }
    }

    private static JsonNode body(EmulatorRequest request) {
        return request.json().orElseThrow(() -> new BadRequestException("The request body must be a JSON object"));
    }

    /** Query parameters plus the fields of a JSON body, arrays kept as JSON text as they would be in a URL. */
    private static Map<String, String> paramsWithBody(EmulatorRequest request) {
        Map<String, String> params = new LinkedHashMap<>(request.params());
        request.json().filter(JsonNode::isObject).ifPresent(json -> json.properties().forEach(
                f -> params.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString())));
        return params;
    }
}
