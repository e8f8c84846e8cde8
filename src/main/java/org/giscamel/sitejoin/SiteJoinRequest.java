package org.giscamel.sitejoin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to join: the machine's site root, and optionally the cluster and whether to create it. An absent cluster or
 * createCluster means "as configured" ({@code gis.site-join.cluster}, {@code gis.site-join.create-cluster}); an
 * empty cluster means none. The request file reads
 * {@code {"machine":"http://node2:6080/arcgis","cluster":"default","createCluster":false}}.
 */
public record SiteJoinRequest(URI machine, Optional<String> cluster, Optional<Boolean> createCluster) {

    private static final List<String> FIELDS = List.of("machine", "cluster", "createCluster");

    public SiteJoinRequest {
        cluster = cluster.map(String::trim);
    }

    public static SiteJoinRequest of(URI machine) {
        return new SiteJoinRequest(machine, Optional.empty(), Optional.empty());
    }

    /** Parses and checks a request file; nothing is sent anywhere. */
    public static SiteJoinRequest parse(String text) {
        RequestJson json = RequestJson.parse(text, FIELDS,
                "{\"machine\":\"http://node2.example.com:6080/arcgis\",\"cluster\":\"default\"}");
        String machine = json.text("machine", "the site root of the joining machine").filter(m -> !m.isBlank())
                .orElseThrow(() -> new InvalidSiteJoinRequestException("the request needs \"machine\": the site root "
                        + "of the joining machine, as in http://node2.example.com:6080/arcgis"));
        Optional<String> cluster = json.text("cluster", "a cluster name, or \"\" for none").map(SiteJoinRequest::clusterName);
        return new SiteJoinRequest(machineUrl(machine), cluster, json.bool("createCluster"));
    }

    /**
     * Checks a machine's site root: absolute http(s), a host, a web context such as {@code /arcgis}, and neither
     * credentials, a query nor the {@code /admin} suffix. Returns it without a trailing slash.
     */
    public static URI machineUrl(String text) {
        String trimmed = text.trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidSiteJoinRequestException("the machine URL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidSiteJoinRequestException("the machine URL must be an http:// or https:// URL with a host, "
                    + "as in http://node2.example.com:6080/arcgis");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidSiteJoinRequestException("the machine URL must not carry credentials, a query or a fragment");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty()) {
            throw new InvalidSiteJoinRequestException("the machine URL needs the web context, as in "
                    + uri + "/arcgis");
        }
        if (path.toLowerCase(Locale.ROOT).endsWith("/admin")) {
            throw new InvalidSiteJoinRequestException("the machine URL is the site root without /admin, as in "
                    + trimmed.substring(0, trimmed.length() - "/admin".length()));
        }
        return uri;
    }

    /** A cluster name as ArcGIS Server accepts it; "" means no cluster. */
    public static String clusterName(String text) {
        String name = text.trim();
        if (!name.isEmpty() && !name.matches("[A-Za-z0-9_.-]+")) {
            throw new InvalidSiteJoinRequestException("the cluster name may hold only letters, digits, '_', '.' and '-'");
        }
        return name;
    }

    @Override
    public String toString() {
        return "SiteJoinRequest[machine=" + machine + ", cluster=" + cluster.orElse("(as configured)")
                + ", createCluster=" + createCluster.map(String::valueOf).orElse("(as configured)") + "]";
    }
}
