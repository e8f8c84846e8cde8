package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The query of {@code GET /web/services} (iportal-rest.md §3.1): filters, order and page. Without {@code orderBy}
 * services come in id order, which keeps paging stable. Keywords match any of {@code filterFields}, all of them
 * when none is given. Deprecated and unmodelled parameters (visit window, searchScope, shareToMe, accessMode,
 * authorizedOnly, returnSubDir) are accepted and ignored.
 */
final class ServiceSearch {

    private final List<Integer> ids;
    private final List<String> tags;
    private final List<String> userNames;
    private final List<String> types;
    private final Optional<String> checkStatus;
    private final Optional<Boolean> dataItemService;
    private final Optional<Boolean> enable;
    private final Optional<Boolean> offline;
    private final Optional<Boolean> batch;
    private final List<Integer> dirIds;
    private final boolean notInDir;
    private final Optional<String> permissionType;
    private final List<String> keywords;
    private final List<String> filterFields;
    private final Optional<Long> createStart;
    private final Optional<Long> createEnd;
    private final Optional<String> orderBy;
    private final String orderType;
    private final boolean authorizedOnly;
    private final int currentPage;
    private final int pageSize;

    private ServiceSearch(Map<String, String> p, int defaultPageSize) {
        ids = LenientParams.integers("ids", p.get("ids"));
        tags = LenientParams.strings(p.get("tags"));
        userNames = LenientParams.strings(p.get("userNames"));
        types = LenientParams.enums("types", p.get("types"), PortalEnums.SOURCE_TYPES);
        checkStatus = LenientParams.enumValue("checkStatus", p.get("checkStatus"), PortalEnums.CHECK_STATUSES);
        dataItemService = LenientParams.bool("isDataItemService", p.get("isDataItemService"));
        enable = LenientParams.bool("enable", p.get("enable"));
        offline = LenientParams.bool("offline", p.get("offline"));
        batch = LenientParams.bool("isBatch", p.get("isBatch"));
        dirIds = LenientParams.integers("dirIds", p.get("dirIds"));
        notInDir = LenientParams.bool("isNotInDir", p.get("isNotInDir")).orElse(false);
        permissionType = LenientParams.enumValue("permissionType", p.get("permissionType"), PortalEnums.SEARCH_PERMISSIONS);
        keywords = LenientParams.strings(p.get("keywords"));
        filterFields = LenientParams.enums("filterFields", p.get("filterFields"), PortalEnums.FILTER_FIELDS);
        createStart = LenientParams.longValue("createStart", p.get("createStart")).filter(v -> v >= 0);
        createEnd = LenientParams.longValue("createEnd", p.get("createEnd")).filter(v -> v >= 0);
        orderBy = LenientParams.enumValue("orderBy", p.get("orderBy"), PortalEnums.SERVICE_ORDER_BY);
        orderType = LenientParams.enumValue("orderType", p.get("orderType"), PortalEnums.ORDER_TYPES).orElse("ASC");
        authorizedOnly = LenientParams.bool("authorizedOnly", p.get("authorizedOnly")).orElse(false);
        currentPage = LenientParams.integer("currentPage", p.get("currentPage")).filter(v -> v > 0).orElse(1);
        pageSize = LenientParams.integer("pageSize", p.get("pageSize")).filter(v -> v > 0).orElse(defaultPageSize);
    }

    /** @throws org.giscamel.emulator.http.BadRequestException for values the server cannot read */
    static ServiceSearch parse(Map<String, String> params, int defaultPageSize) {
        return new ServiceSearch(params, defaultPageSize);
    }

    Page<ServiceRegistration> run(Stream<ServiceRegistration> services, Caller caller) {
        Stream<ServiceRegistration> matching = services.filter(caller::canSee).filter(filter(caller));
        List<ServiceRegistration> all = orderBy.isPresent() || "DESC".equals(orderType)
                ? matching.sorted(order()).toList()
                : matching.toList();
        return Page.of(all, currentPage, pageSize);
    }

    private Predicate<ServiceRegistration> filter(Caller caller) {
        Predicate<ServiceRegistration> p = r -> true;
        if (!ids.isEmpty()) {
            Set<Integer> wanted = Set.copyOf(ids);
            p = p.and(r -> wanted.contains(r.id()));
        }
        if (!tags.isEmpty()) {
            Set<String> wanted = Set.copyOf(tags);
            p = p.and(r -> r.tags().stream().anyMatch(wanted::contains));
        }
        if (!userNames.isEmpty()) {
            Set<String> wanted = Set.copyOf(userNames);
            p = p.and(r -> wanted.contains(r.userName()));
        }
        if (!types.isEmpty()) {
            Set<String> wanted = Set.copyOf(types);
            p = p.and(r -> wanted.contains(r.type()));
        }
        if (checkStatus.isPresent()) {
            p = p.and(r -> checkStatus.get().equals(r.checkStatus()));
        }
        p = p.and(matches(dataItemService, ServiceRegistration::isDataItemService))
                .and(matches(enable, ServiceRegistration::enable))
                .and(matches(offline, ServiceRegistration::offline))
                .and(matches(batch, ServiceRegistration::isBatch));
        if (notInDir) {
            p = p.and(r -> r.dirIds().isEmpty());
        } else if (!dirIds.isEmpty()) {
            p = p.and(r -> r.dirIds().stream().anyMatch(dirIds::contains));
        }
        if (permissionType.filter("DELETE"::equals).isPresent()) {
            p = p.and(caller::canEdit);
        }
        if (!keywords.isEmpty()) {
            p = p.and(this::matchesKeyword);
        }
        if (createStart.isPresent()) {
            p = p.and(r -> r.createTime() >= createStart.get());
        }
        if (createEnd.isPresent()) {
            p = p.and(r -> r.createTime() <= createEnd.get());
        }
        return p;
    }

    private static Predicate<ServiceRegistration> matches(Optional<Boolean> wanted,
                                                          Function<ServiceRegistration, Boolean> value) {
        return r -> wanted.isEmpty() || wanted.get().equals(value.apply(r));
    }

    private boolean matchesKeyword(ServiceRegistration r) {
        List<String> fields = filterFields.isEmpty() ? List.copyOf(PortalEnums.FILTER_FIELDS) : filterFields;
        return fields.stream().flatMap(f -> fieldValues(r, f)).map(v -> v.toLowerCase(Locale.ROOT))
                .anyMatch(v -> keywords.stream().anyMatch(k -> v.contains(k.toLowerCase(Locale.ROOT))));
    }

    private static Stream<String> fieldValues(ServiceRegistration r, String field) {
        return switch (field) {
            case "LINKPAGE" -> Stream.of(r.linkPage());
            case "MAPTITLE" -> r.addedMapNames().stream();
            case "NICKNAME", "USERNAME" -> Stream.of(r.userName());
            case "RESTITLE" -> Stream.of(r.resTitle());
            default -> Stream.empty(); // PROXIEDURL: the emulator runs no service proxy
        };
    }

    private Comparator<ServiceRegistration> order() {
        Comparator<ServiceRegistration> byField = switch (orderBy.orElse("ID")) {
            case "UPDATETIME" -> Comparator.comparingLong(ServiceRegistration::updateTime);
            case "CREATETIME" -> Comparator.comparingLong(ServiceRegistration::createTime);
            case "RESTITLE" -> Comparator.comparing(ServiceRegistration::resTitle);
            case "USERNAME", "NICKNAME" -> Comparator.comparing(ServiceRegistration::userName);
            case "VISITCOUNT" -> Comparator.comparingInt(ServiceRegistration::visitCount);
            case "TYPE" -> Comparator.comparing(ServiceRegistration::type);
            default -> (a, b) -> 0;
        };
        Comparator<ServiceRegistration> order = byField.thenComparingInt(ServiceRegistration::id);
        return "DESC".equals(orderType) ? order.reversed() : order;
    }

    /** The {@code searchParameter} echo, with the keys of the documented example. */
    ObjectNode searchParameter() {
        ObjectNode json = Json.object();
        json.put("accessMode", "V2");
        json.put("authorizedOnly", authorizedOnly);
        json.put("checkStatus", checkStatus.orElse(null));
        json.put("currentPage", currentPage);
        json.putNull("currentUser");
        json.putNull("departmentIds");
        putInts(json, "dirIds", dirIds);
        putBool(json, "enable", enable);
        putStrings(json, "filterFields", filterFields);
        json.putNull("groupIds");
        putBool(json, "isBatch", batch);
        json.put("isNotInDir", notInDir);
        putStrings(json, "keywords", keywords);
        putBool(json, "offline", offline);
        json.put("orderBy", orderBy.orElse(null));
        json.put("orderType", orderType);
        json.put("pageSize", pageSize);
        putInts(json, "resourceIds", ids);
        putStrings(json, "tags", tags);
        putStrings(json, "types", types);
        putStrings(json, "userNames", userNames);
        return json;
    }

    private static void putBool(ObjectNode json, String name, Optional<Boolean> value) {
        if (value.isPresent()) {
            json.put(name, value.get());
        } else {
            json.putNull(name);
        }
    }

    private static void putStrings(ObjectNode json, String name, List<String> values) {
        if (values.isEmpty()) {
            json.putNull(name);
        } else {
            ServiceInfoJson.strings(json.putArray(name), values);
        }
    }

    private static void putInts(ObjectNode json, String name, List<Integer> values) {
        if (values.isEmpty()) {
            json.putNull(name);
        } else {
            ArrayNode array = json.putArray(name);
            values.forEach(array::add);
        }
    }
}
