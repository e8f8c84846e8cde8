package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnection;
import org.giscamel.config.ServerConnections;
import org.giscamel.http.Credentials;
import org.giscamel.iportal.Sharing;
import org.giscamel.ogc.OgcEndpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code gis.harvest.*} settings the flow's Java reads: how every run works ({@link HarvestRunSettings}), the
 * sources listed in {@code gis.harvest.sources}, and the portal they are registered in.
 * A source's own key {@code gis.harvest.source.<id>.<key>} wins over the shared {@code gis.harvest.<key>}. A source
 * is of kind {@code arcgis} (its site defaults to {@code gis.arcgis.*}) or {@code ogc} (its GetCapabilities URLs in
 * {@code capabilities-urls}). Every problem is recorded in the {@link GisSettings}, naming its key.
 */
public record HarvestFlowSettings(HarvestRunSettings runSettings, Map<String, HarvestSource> sources,
                                  Optional<ServerConnection> portal) {

    static final String DEFAULT_TYPES = "MapServer,FeatureServer,ImageServer,VectorTileServer,SceneServer";
    /** ArcGIS Server's own system folders. */
    static final String DEFAULT_EXCLUDE = "System/**,Utilities/**";

    /**
     * @param connectionsRequired whether a missing portal or source address is a problem (the schedule is enabled,
     *                            or a command is about to harvest)
     */
    public static HarvestFlowSettings read(GisSettings settings, boolean connectionsRequired) {
        HarvestRunSettings shared = new HarvestRunSettings(
                settings.integer("gis.harvest.concurrency", 4, 1, 64),
                settings.integer("gis.harvest.page-size", 100, 1, 1000),
                settings.integer("gis.harvest.delete-guard-percent", 20, 0, 100),
                settings.folder("gis.harvest.report-dir", "reports/harvest"),
                settings.integer("gis.harvest.reports-kept", 100, 1, 100_000));
        ServerConnections connections = ServerConnections.from(settings);
        if (connectionsRequired && connections.iportal().isEmpty()) {
            settings.problem("gis.iportal.url is required to harvest into iPortal but is not set"
                    + " (set gis.harvest.enabled=false to run without the harvest schedule)");
        }
        Map<String, HarvestSource> sources = new LinkedHashMap<>();
        Map<String, String> markers = new HashMap<>();
        for (String id : list(settings.string("gis.harvest.sources", "main"))) {
            if (!id.matches("[A-Za-z0-9_-]+")) {
                settings.problem("gis.harvest.sources holds '" + id + "'; a source id is letters, digits, '_' or '-'");
                continue;
            }
            source(settings, id, connections, connectionsRequired).ifPresent(source -> {
                String other = markers.putIfAbsent(source.marker(), id);
                if (other != null) {
                    settings.problem("Sources " + other + " and " + id + " have the same marker tag '" + source.marker()
                            + "'; each source needs its own (gis.harvest.source.<id>.marker)");
                }
                sources.put(id, source);
            });
        }
        return new HarvestFlowSettings(shared, sources, connections.iportal());
    }

    public HarvestSource source(String id) {
        HarvestSource source = sources.get(id);
        if (source == null) {
            throw new IllegalArgumentException("No harvest source '" + id + "'; gis.harvest.sources lists "
                    + String.join(", ", sources.keySet()));
        }
        return source;
    }

    private static Optional<HarvestSource> source(GisSettings settings, String id, ServerConnections connections,
                                                  boolean connectionsRequired) {
        String own = "gis.harvest.source." + id + ".";
        String kind = settings.choice(own + "kind", ArcGisCatalog.KIND, ArcGisCatalog.KIND, OgcCatalog.KIND);
        String marker = settings.string(own + "marker", "gis-harvest-" + id);
        if (!marker.matches("[^,\\s\\[\\]\"]+")) {
            settings.problem(own + "marker must be one word without commas, quotes or brackets but is '" + marker + "'");
        }
        List<String> tags = list(value(settings, own, "tags", kind));
        Sharing sharing = Sharing.valueOf(settings.choice(own + "authorize-setting",
                settings.choice("gis.harvest.authorize-setting", "public", "public", "private"), "public", "private")
                .toUpperCase(Locale.ROOT));
        Optional<SourceCatalog> catalog = kind.equals(OgcCatalog.KIND)
                ? ogcCatalog(settings, id, own, connectionsRequired)
                : arcgisCatalog(settings, id, own, connections, connectionsRequired);
        return catalog.map(c -> new HarvestSource(id, c, marker, tags, sharing));
    }

    /** The site of {@code <own>arcgis-url}, else of {@code gis.arcgis.*}. */
    private static Optional<SourceCatalog> arcgisCatalog(GisSettings settings, String id, String own,
                                                         ServerConnections connections, boolean connectionsRequired) {
        Optional<String> ownUrl = settings.httpUrl(own + "arcgis-url");
        Optional<String> url = ownUrl.or(() -> connections.arcgis().map(ServerConnection::url));
        Optional<Credentials> credentials = ownUrl.isPresent()
                ? ownCredentials(settings, own)
                : connections.arcgis().map(ServerConnection::credentials);
        ServiceFilter filter = new ServiceFilter(
                new LinkedHashSet<>(list(value(settings, own, "types", DEFAULT_TYPES))),
                list(value(settings, own, "include", "**")),
                list(value(settings, own, "exclude", DEFAULT_EXCLUDE)));
        if (url.isEmpty()) {
            if (connectionsRequired) {
                settings.problem("Harvest source " + id + " has no ArcGIS site: set gis.arcgis.url or " + own + "arcgis-url");
            }
            return Optional.empty();
        }
        return Optional.of(new ArcGisCatalog(URI.create(url.get()), credentials, filter));
    }

    private static Optional<SourceCatalog> ogcCatalog(GisSettings settings, String id, String own,
                                                      boolean connectionsRequired) {
        String key = own + "capabilities-urls";
        List<String> urls = capabilitiesUrls(settings.optional(key).orElse(""));
        if (urls.isEmpty()) {
            if (connectionsRequired) {
                settings.problem("Harvest source " + id + " is of kind ogc but " + key
                        + " lists no GetCapabilities URL");
            }
            return Optional.empty();
        }
        // Two URLs of one service (another version asked for) are one registration: the first one is read.
        Map<URI, OgcEndpoint> endpoints = new LinkedHashMap<>();
        for (String url : urls) {
            endpoint(settings, key, url).ifPresent(e -> endpoints.putIfAbsent(e.linkage(), e));
        }
        return Optional.of(new OgcCatalog(List.copyOf(endpoints.values())));
    }

    /** Split before each {@code http(s)://}, so that a comma inside a URL ({@code AcceptVersions=2.0.0,1.1.0}) stays. */
    private static List<String> capabilitiesUrls(String text) {
        return Arrays.stream(text.split("\\s*,\\s*(?=(?i:https?)://)")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Optional<OgcEndpoint> endpoint(GisSettings settings, String key, String text) {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                settings.problem(key + " holds '" + text + "', which is not an http:// or https:// URL with a host");
                return Optional.empty();
            }
            if (url.getRawUserInfo() != null) {
                // The URL itself is left out: it holds a password.
                settings.problem(key + " holds a URL with credentials in it; the address is registered in the portal"
                        + " as it is, so it must not carry any");
                return Optional.empty();
            }
            return Optional.of(OgcEndpoint.fromCapabilitiesUrl(url));
        } catch (URISyntaxException e) {
            settings.problem(key + " holds '" + text + "', which is not a valid URL: " + e.getReason());
        } catch (IllegalArgumentException e) {
            settings.problem(key + " holds '" + text + "': " + e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<Credentials> ownCredentials(GisSettings settings, String own) {
        Optional<String> username = settings.optional(own + "arcgis-username");
        if (username.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(username.get(),
                settings.requiredSecret(own + "arcgis-password", "because " + own + "arcgis-username is set")));
    }

    private static String value(GisSettings settings, String own, String key, String defaultValue) {
        return settings.optional(own + key).orElseGet(() -> settings.string("gis.harvest." + key, defaultValue));
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
