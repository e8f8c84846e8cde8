package org.giscamel.emulator.iportal;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** The enum values iPortal accepts in bodies and query parameters (iportal-rest.md §4.3, §8.1). */
final class PortalEnums {

    private static final Set<String> ARCGIS_SUBTYPES = Stream.of("BIGDATACATALOG", "FEATURE", "GEOCODE", "GEODATA",
                    "GP", "GLOBE", "IMAGE", "KNOWLEDGEGRAPH", "LR", "MAP", "MOBILE", "NETWORKDIAGRAM", "PARCELFABRIC",
                    "RELATIONALCATALOG", "NA", "SCENE", "STREAM", "TOPOGRAPHICPRODUCTION", "TRACENETWORK",
                    "UTILITYNETWORK", "VALIDATION", "VECTORTILE", "VERSIONMANAGEMENT")
            .map(s -> "ARCGIS_REST_" + s + "_SERVICE").collect(java.util.stream.Collectors.toSet());

    /** SourceType: iclientpy's full enum, REALSPACE (seen in listings), IMAGE (10i) and the 12i ArcGIS subtypes. */
    static final Set<String> SOURCE_TYPES = union(Set.of("SUPERMAP_REST", "MAPVIEWER", "SUPERMAP_REST_VECTOR", "WMS",
            "WMTS", "WFS", "WCS", "WPS", "DATA", "MAP", "REALSPACE", "IMAGE", "LOCATION", "LOCALSEARCH", "NAVIGATION",
            "ICLOUDTRAFFICTRANSFERANALYST", "COORDINATE", "SPATIALANALYST", "TRAFFICTRANSFERANALYST",
            "TRANSPORTATIONANALYST", "COMPONENTSET", "CLOUD", "TIANDITU_VEC", "TIANDITU_IMG", "TIANDITU_TER", "BAIDU",
            "SIWEI", "OSM", "GOOGLE", "TENCENT", "BING", "ARCGIS_REST", "OTHERS", "NETWORKANALYST3D", "PLOT",
            "ADDRESSMATCH", "BIGDATACATALOG", "SPATIALPROCESSING", "GEOMETRY"), ARCGIS_SUBTYPES);

    /** Only SuperMap REST services carry map and scene names. */
    static final String SUPERMAP_REST = "SUPERMAP_REST";
    /** ArcGIS REST services, and since 12i the prefix of their subtypes ({@code ARCGIS_REST_MAP_SERVICE}, ...). */
    static final String ARCGIS_REST = "ARCGIS_REST";
    /** The one type whose online check can be skipped. */
    static final String OTHERS = "OTHERS";

    static final Set<String> CHECK_STATUSES = Set.of("SUCCESSFUL", "FAILED", "UNCHECKED");
    static final Set<String> ORDER_TYPES = Set.of("ASC", "DESC");
    /** ServiceOrderBy: undocumented; these mirror iclientpy's MapOrderBy with RESTITLE for the title. */
    static final Set<String> SERVICE_ORDER_BY = Set.of("UPDATETIME", "CREATETIME", "RESTITLE", "USERNAME", "NICKNAME",
            "VISITCOUNT", "TYPE");
    static final Set<String> FILTER_FIELDS = Set.of("LINKPAGE", "MAPTITLE", "NICKNAME", "RESTITLE", "USERNAME",
            "PROXIEDURL");
    static final Set<String> SEARCH_PERMISSIONS = Set.of("SEARCH", "READ", "DELETE");

    /** Gateway resource search (iClient IPortalQueryParam). */
    static final Set<String> RESOURCE_TYPES = Set.of("MAP", "SERVICE", "SCENE", "DATA", "INSIGHTS_WORKSPACE",
            "MAP_DASHBOARD");
    static final Set<String> SEARCH_TYPES = Set.of("PUBLIC", "MY_RES", "MYGROUP_RES", "MYDEPARTMENT_RES",
            "SHARETOME_RES");
    static final Set<String> GATEWAY_ORDER_BY = Set.of("UPDATETIME", "HEATLEVEL", "RELEVANCE");

    private PortalEnums() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
