package org.giscamel.sitejoin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What to join: the machine's site root, and optionally the cluster and whether to create it. An absent cluster or
 * createCluster means "as configured" ({@code gis.site-join.cluster}, {@code gis.site-join.create-cluster}); an
 * empty cluster means none. The request file reads
 * {@code {"machine":"http://node2:6080/arcgis","cluster":"default","createCluster":false}}.
 */
public record SiteJoinRequest(URI machine, Optional<String> cluster, Optional<Boolean> createCluster) {

    private static final Set<String> FIELDS = Set.of("machine", "cluster", "createCluster");
    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public SiteJoinRequest {
        cluster = cluster.map(String::trim);
    }

    public static SiteJoinRequest of(URI machine) {
        return new SiteJoinRequest(machine, Optional.empty(), Optional.empty());
    }

    /** Parses and checks a request file; nothing is sent anywhere. */
    public static SiteJoinRequest parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSiteJoinRequestException("the request is empty; expected JSON such as "
                    + "{\"machine\":\"http://node2.example.com:6080/arcgis\",\"cluster\":\"default\"}");
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // The original message without Jackson's excerpt of the source, which could quote a secret.
            JsonLocation at = e.getLocation();
            throw new InvalidSiteJoinRequestException("the request is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!json.isObject()) {
            throw new InvalidSiteJoinRequestException("the request must be a JSON object with a \"machine\" field");
        }
        List<String> unknown = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidSiteJoinRequestException("the request has unknown fields " + unknown
                    + "; allowed are machine, cluster, createCluster (credentials come from the configuration)");
        }
        JsonNode machine = json.path("machine");
        if (!machine.isTextual() || machine.asText().isBlank()) {
            throw new InvalidSiteJoinRequestException("the request needs \"machine\": the site root of the joining "
                    + "machine, as in http://node2.example.com:6080/arcgis");
        }
        Optional<String> cluster = Optional.empty();
        if (json.has("cluster") && !json.get("cluster").isNull()) {
            if (!json.get("cluster").isTextual()) {
                throw new InvalidSiteJoinRequestException("\"cluster\" must be a text (a cluster name, or \"\" for none)");
            }
            cluster = Optional.of(clusterName(json.get("cluster").asText()));
        }
        Optional<Boolean> create = Optional.empty();
        if (json.has("createCluster") && !json.get("createCluster").isNull()) {
            if (!json.get("createCluster").isBoolean()) {
                throw new InvalidSiteJoinRequestException("\"createCluster\" must be true or false");
            }
            create = Optional.of(json.get("createCluster").asBoolean());
        }
        return new SiteJoinRequest(machineUrl(machine.asText()), cluster, create);
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
