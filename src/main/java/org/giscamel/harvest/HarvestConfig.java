package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnection;
import org.giscamel.config.ServerConnections;
import org.giscamel.http.Credentials;
import org.giscamel.iportal.Sharing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code gis.harvest.*} configuration: shared settings, and the sources listed in {@code gis.harvest.sources}.
 * A source's own key {@code gis.harvest.source.<id>.<key>} wins over the shared {@code gis.harvest.<key>}; its
 * ArcGIS site defaults to {@code gis.arcgis.*}. Every problem is recorded in the {@link GisSettings}, naming its key.
 */
public record HarvestConfig(HarvestSettings settings, Map<String, HarvestSource> sources,
                            Optional<ServerConnection> portal) {

    static final String DEFAULT_TYPES = "MapServer,FeatureServer,ImageServer,VectorTileServer,SceneServer";
    /** ArcGIS Server's own system folders. */
    static final String DEFAULT_EXCLUDE = "System/**,Utilities/**";

    /**
     * @param connectionsRequired whether a missing portal or ArcGIS site is a problem (the schedule is enabled, or
     *                            a command is about to harvest)
     */
    public static HarvestConfig read(GisSettings settings, boolean connectionsRequired) {
        HarvestSettings shared = new HarvestSettings(
                settings.integer("gis.harvest.concurrency", 4, 1, 64),
                settings.integer("gis.harvest.page-size", 100, 1, 1000),
                settings.integer("gis.harvest.delete-guard-percent", 20, 0, 100),
                Path.of(settings.string("gis.harvest.report-dir", "reports/harvest")),
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
        return new HarvestConfig(shared, sources, connections.iportal());
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
        Optional<String> ownUrl = settings.httpUrl(own + "arcgis-url");
        Optional<String> url = ownUrl.or(() -> connections.arcgis().map(ServerConnection::url));
        Optional<Credentials> credentials = ownUrl.isPresent()
                ? ownCredentials(settings, own)
                : connections.arcgis().map(ServerConnection::credentials);
        String marker = settings.string(own + "marker", "gis-harvest-" + id);
        if (!marker.matches("[^,\\s\\[\\]\"]+")) {
            settings.problem(own + "marker must be one word without commas, quotes or brackets but is '" + marker + "'");
        }
        ServiceFilter filter = new ServiceFilter(
                new LinkedHashSet<>(list(value(settings, own, "types", DEFAULT_TYPES))),
                list(value(settings, own, "include", "**")),
                list(value(settings, own, "exclude", DEFAULT_EXCLUDE)));
        List<String> tags = list(value(settings, own, "tags", "arcgis"));
        Sharing sharing = Sharing.valueOf(settings.choice(own + "authorize-setting",
                settings.choice("gis.harvest.authorize-setting", "public", "public", "private"), "public", "private")
                .toUpperCase(Locale.ROOT));
        if (url.isEmpty()) {
            if (connectionsRequired) {
                settings.problem("Harvest source " + id + " has no ArcGIS site: set gis.arcgis.url or " + own + "arcgis-url");
            }
            return Optional.empty();
        }
        return Optional.of(new HarvestSource(id, URI.create(url.get()), credentials, marker, filter, tags, sharing));
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
