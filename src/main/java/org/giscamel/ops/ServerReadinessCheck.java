package org.giscamel.ops;

import org.giscamel.config.ServerConnection;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.SafeUrl;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Ready when the server answers a public request and the {@link TokenService} holds or obtains credentials for
 * it: the same token the flows use, so a probe costs a token request only when the flows' token is due anyway.
 */
final class ServerReadinessCheck extends ReadinessCheck {

    private final String server;
    private final URI publicResource;
    private final TokenScope scope;
    private final GisHttpClient http;
    private final TokenService tokens;
    private final Duration timeout;

    private ServerReadinessCheck(String id, String server, URI publicResource, TokenScope scope, GisHttpClient http,
                                 TokenService tokens, ObserveSettings settings, Clock clock) {
        super(id, settings.readinessReuse(), clock);
        this.server = server;
        this.publicResource = publicResource;
        this.scope = scope;
        this.http = http;
        this.tokens = tokens;
        this.timeout = settings.readinessTimeout();
    }

    /** {@code rest/info} and a services token, which the GP and harvest flows use. */
    static ServerReadinessCheck arcgis(ServerConnection site, GisHttpClient http, TokenService tokens,
                                       ObserveSettings settings, Clock clock) {
        URI root = URI.create(site.url());
        return new ServerReadinessCheck("gis-arcgis", "ArcGIS Server", URI.create(root + "/rest/info?f=json"),
                TokenScope.arcgisServices(root, CredentialsProvider.of(site.credentials())), http, tokens, settings,
                clock);
    }

    /** The first page of the services list, and the login session the harvest uses. */
    static ServerReadinessCheck iportal(ServerConnection portal, GisHttpClient http, TokenService tokens,
                                        ObserveSettings settings, Clock clock) {
        URI root = URI.create(portal.url());
        return new ServerReadinessCheck("gis-iportal", "iPortal", URI.create(root + "/web/services.json?pageSize=1"),
                TokenScope.iportalSession(root, CredentialsProvider.of(portal.credentials())), http, tokens, settings,
                clock);
    }

    @Override
    Finding probe() {
        http.call("check that " + server + " answers", GisRequest.get(publicResource).timeout(timeout));
        tokens.authContext(scope);
        return new Finding(true, server + " " + SafeUrl.render(scope.root()) + " answers and accepts the account "
                + scope.credentials().credentials().username());
    }
}
