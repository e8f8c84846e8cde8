package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /gateway/catalog/resource/search} (iClient 11 {@code IPortal.queryResources}), limited to services:
 * other resource types find nothing. Groups and departments are not modelled, so MYGROUP_RES, MYDEPARTMENT_RES and
 * group or department filters find nothing, and {@code aggregations} is always null.
 */
final class GatewaySearchResource {

    private final ServiceRegistry registry;
    private final PortalAuth auth;
    private final IPortalEmulatorConfig config;

    GatewaySearchResource(ServiceRegistry registry, PortalAuth auth, IPortalEmulatorConfig config) {
        this.registry = registry;
        this.auth = auth;
        this.config = config;
    }

    void register(PortalRoutes routes) {
        routes.on(PortalRoutes.READ, "/gateway/catalog/resource/search", this::search);
    }

    private EmulatorResponse search(EmulatorRequest request) {
        Caller caller = auth.identify(request);
        Map<String, String> p = request.params();
        String resourceType = LenientParams.enumValue("resourceType", p.get("resourceType"), PortalEnums.RESOURCE_TYPES)
                .orElse("SERVICE");
        String searchType = LenientParams.enumValue("searchType", p.get("searchType"), PortalEnums.SEARCH_TYPES)
                .orElse("PUBLIC");
        String orderBy = LenientParams.enumValue("orderBy", p.get("orderBy"), PortalEnums.GATEWAY_ORDER_BY)
                .orElse("UPDATETIME");
        boolean descending = !"ASC".equals(
                LenientParams.enumValue("orderType", p.get("orderType"), PortalEnums.ORDER_TYPES).orElse("DESC"));
        int currentPage = LenientParams.integer("currentPage", p.get("currentPage")).filter(v -> v > 0).orElse(1);
        int pageSize = LenientParams.integer("pageSize", p.get("pageSize")).filter(v -> v > 0)
                .orElse(config.defaultSearchPageSize);
        boolean unmodelledFilter = !LenientParams.strings(p.get("groupIds")).isEmpty()
                || !LenientParams.strings(p.get("departmentIds")).isEmpty();

        Predicate<ServiceRegistration> filter = scope(searchType, caller)
                .and(filters(p));
        List<ServiceRegistration> found = !"SERVICE".equals(resourceType) || unmodelledFilter ? List.of()
                : registry.stream().filter(filter).sorted(order(orderBy, descending)).toList();
        Page<ServiceRegistration> page = Page.of(found, currentPage, pageSize);

        ObjectNode json = Json.object();
        ArrayNode content = json.putArray("content");
        page.content().forEach(r -> content.add(resource(r)));
        json.put("total", page.total());
        json.put("currentPage", page.currentPage());
        json.put("pageSize", page.pageSize());
        json.putNull("aggregations");
        return EmulatorResponse.json(json);
    }

    private static Predicate<ServiceRegistration> scope(String searchType, Caller caller) {
        return switch (searchType) {
            case "PUBLIC" -> r -> r.isSharedWith(Caller.GUEST_NAME);
            case "MY_RES" -> {
                caller.requireLogin();
                yield caller::owns;
            }
            case "SHARETOME_RES" -> {
                caller.requireLogin();
                yield r -> !caller.owns(r) && r.isSharedWith(caller.username());
            }
            default -> r -> false;
        };
    }

    private static Predicate<ServiceRegistration> filters(Map<String, String> p) {
        List<String> tags = LenientParams.strings(p.get("tags"));
        List<Integer> dirIds = LenientParams.integers("dirIds", p.get("dirIds"));
        List<String> subTypes = LenientParams.strings(p.get("resourceSubTypes"));
        String text = p.getOrDefault("text", "").trim().toLowerCase(Locale.ROOT);
        return r -> (tags.isEmpty() || r.tags().stream().anyMatch(tags::contains))
                && (dirIds.isEmpty() || r.dirIds().stream().anyMatch(dirIds::contains))
                && (subTypes.isEmpty() || subTypes.contains(r.type()))
                && (text.isEmpty() || matchesText(r, text));
    }

    private static boolean matchesText(ServiceRegistration r, String text) {
        return r.resTitle().toLowerCase(Locale.ROOT).contains(text)
                || (r.description() != null && r.description().toLowerCase(Locale.ROOT).contains(text))
                || r.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(text));
    }

    /** HEATLEVEL is the visit count; RELEVANCE has no score here, so it falls back to the update time. */
    private static Comparator<ServiceRegistration> order(String orderBy, boolean descending) {
        Comparator<ServiceRegistration> order = ("HEATLEVEL".equals(orderBy)
                ? Comparator.comparingInt(ServiceRegistration::visitCount)
                : Comparator.comparingLong(ServiceRegistration::updateTime))
                .thenComparingInt(ServiceRegistration::id);
        return descending ? order.reversed() : order;
    }

    /** An IPortalResource: {@code resourceId} is the services table id, {@code id} the search index document id. */
    private static ObjectNode resource(ServiceRegistration r) {
        ObjectNode json = Json.object();
        json.set("authorizeSetting", ServiceInfoJson.authorizeSetting(r));
        json.putNull("bounds");
        json.putNull("bounds4326");
        json.put("checkStatus", r.checkStatus());
        json.put("createTime", r.createTime());
        json.put("description", r.description());
        json.putNull("dirId");
        json.put("epsgCode", 0);
        json.put("heatLevel", r.visitCount());
        json.put("id", "SERVICE_" + r.id());
        json.put("name", r.resTitle());
        json.putNull("personalDirId");
        json.put("resourceId", r.id());
        json.put("resourceSubType", r.type());
        json.put("resourceType", "SERVICE");
        if (r.serviceRootUrlId() == null) {
            json.putNull("serviceRootUrlId");
        } else {
            json.put("serviceRootUrlId", r.serviceRootUrlId());
        }
        ServiceInfoJson.strings(json.putArray("tags"), r.tags());
        json.put("thumbnail", r.thumbnail());
        json.put("updateTime", r.updateTime());
        json.put("userName", r.userName());
        return json;
    }
}
