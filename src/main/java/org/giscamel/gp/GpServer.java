package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.spi.Registry;
import org.giscamel.config.ServerConnection;
import org.giscamel.config.ServerConnections;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.StreamHandler;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends the flow's requests. Those under the configured ArcGIS site ({@code gis.arcgis.url}) go with its
 * services token, obtained and renewed by the {@link TokenService}; anything else (a public server, an output
 * URL on another host) goes without, so the token never leaves the site it was issued by.
 */
public final class GpServer {

    /** The shared protocol beans, taken from the registry on first use. */
    private record Parts(GisHttpClient http, TokenService tokens, Optional<TokenScope> site) {
    }

    private final Supplier<Parts> parts;
    private volatile Parts resolved;

    public GpServer(GisHttpClient http, TokenService tokens, Optional<ServerConnection> arcgis) {
        Parts fixed = new Parts(http, tokens, arcgis.map(GpServer::servicesScope));
        this.parts = () -> fixed;
    }

    private GpServer(Supplier<Parts> parts) {
        this.parts = parts;
    }

    /**
     * Uses {@code gisHttpClient}, {@code tokenService} and {@code serverConnections} of the registry, looked up
     * at the first request, so it does not matter in which order camel-main applies the configurations.
     */
    public static GpServer fromRegistry(Registry registry) {
        return new GpServer(() -> new Parts(registry.mandatoryFindSingleByType(GisHttpClient.class),
                registry.mandatoryFindSingleByType(TokenService.class),
                registry.mandatoryFindSingleByType(ServerConnections.class).arcgis().map(GpServer::servicesScope)));
    }

    /** Sends {@code f=json} and returns the checked reply. */
    public JsonNode call(String step, GisRequest request) {
        Parts p = parts();
        GisRequest json = request.param("f", "json");
        Optional<TokenScope> scope = scopeFor(p, json.uri());
        return scope.isPresent() ? p.tokens().call(scope.get(), step, json) : p.http().call(step, json);
    }

    /** Streams a file; see {@link GisHttpClient#download}. */
    public <T> T download(String step, GisRequest request, StreamHandler<T> handler) {
        Parts p = parts();
        Optional<TokenScope> scope = scopeFor(p, request.uri());
        return scope.isPresent() ? p.tokens().download(scope.get(), step, request, handler)
                : p.http().download(step, request, handler);
    }

    private Parts parts() {
        Parts p = resolved;
        if (p == null) {
            p = parts.get();
            resolved = p;
        }
        return p;
    }

    private static TokenScope servicesScope(ServerConnection arcgis) {
        return TokenScope.arcgisServices(URI.create(arcgis.url()), CredentialsProvider.of(arcgis.credentials()));
    }

    private static Optional<TokenScope> scopeFor(Parts p, URI target) {
        return p.site().filter(s -> normalized(target).startsWith(normalized(s.root()) + "/"));
    }

    /** Scheme and host compare case-insensitively; an explicit default port is the same server. */
    private static String normalized(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
