package org.giscamel.ops;

import org.giscamel.config.ServerConnection;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.SafeUrl;
import org.giscamel.iportal.PortalServices;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Ready when the server answers as the flows need it, with the credentials the {@link TokenService} holds or
 * obtains for it: the same token or session the flows use, so a probe costs a login only when the flows' one is
 * due anyway.
 */
final class ServerReadinessCheck extends ReadinessCheck {

    private final Supplier<String> probe;

    private ServerReadinessCheck(String id, Supplier<String> probe, ObserveSettings settings, Clock clock) {
        super(id, settings.readinessReuse(), clock);
        this.probe = probe;
    }

    /** {@code rest/info}, which is public, and a services token, which the GP and harvest flows use. */
    static ServerReadinessCheck arcgis(ServerConnection site, GisHttpClient http, TokenService tokens,
                                       ObserveSettings settings, Clock clock) {
        URI root = URI.create(site.url());
        TokenScope scope = TokenScope.arcgisServices(root, CredentialsProvider.of(site.credentials()));
        GisRequest info = GisRequest.get(URI.create(root + "/rest/info?f=json")).timeout(settings.readinessTimeout());
        return new ServerReadinessCheck("gis-arcgis", () -> {
            http.call("check that ArcGIS Server answers", info);
            tokens.authContext(scope);
            return "ArcGIS Server " + SafeUrl.render(root) + " answers and accepts the account " + username(scope);
        }, settings, clock);
    }

    /**
     * The first page of the services list, read with the login session the harvest uses and as its account: a
     * portal may refuse the list without a session (401) or list only what GUEST may view.
     */
    static ServerReadinessCheck iportal(ServerConnection portal, TokenService tokens, ObserveSettings settings,
                                        Clock clock) {
        URI root = URI.create(portal.url());
        TokenScope scope = TokenScope.iportalSession(root, CredentialsProvider.of(portal.credentials()));
        PortalServices services = new PortalServices(tokens, scope);
        Duration timeout = settings.readinessTimeout();
        return new ServerReadinessCheck("gis-iportal", () -> {
            int visible = services.visibleCount("check that iPortal answers", timeout);
            return "iPortal " + SafeUrl.render(root) + " answers and lists " + visible + " service(s) to the account "
                    + username(scope);
        }, settings, clock);
    }

    private static String username(TokenScope scope) {
        return scope.credentials().credentials().username();
    }

    @Override
    Finding probe() {
        return new Finding(true, probe.get());
    }
}
