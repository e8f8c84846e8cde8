package org.giscamel.token;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.SafeUrl;
import org.giscamel.http.StreamHandler;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TokenRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The one owner of tokens and sessions. Caches one per (kind, server root, user name), refreshes it ahead of
 * expiry with one shared request however many callers are waiting, and when a server rejects it (498/499 in
 * either ArcGIS envelope, an iPortal 401, or an iPortal that takes the session for GUEST: {@link #readAsAccount})
 * gets a new one and repeats the call once, never more.
 */
public final class TokenService {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private record CacheKey(TokenKind kind, String root, String username) {
    }

    private final TokenSettings settings;
    private final Clock clock;
    private final GisHttpClient http;
    private final ArcGisTokenIssuer arcgis;
    private final IportalAuthIssuer iportal;
    private final Map<CacheKey, TokenSlot> slots = new ConcurrentHashMap<>();
    private final LongAdder issued = new LongAdder();
    private final List<TokenListener> listeners = new CopyOnWriteArrayList<>();

    public TokenService(GisHttpClient http, TokenSettings settings) {
        this(http, settings, Clock.systemUTC());
    }

    public TokenService(GisHttpClient http, TokenSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.arcgis = new ArcGisTokenIssuer(http, settings, clock);
        this.iportal = new IportalAuthIssuer(http, settings, clock);
    }

    /**
     * Runs {@code call} with valid credentials. If the server rejects them, gets new ones and runs {@code call}
     * a second and last time; a second rejection is thrown to the caller.
     */
    public <T> T withToken(TokenScope scope, Function<AuthContext, T> call) {
        TokenSlot slot = slot(scope);
        IssuedToken token = current(scope, slot);
        try {
            return call.apply(context(scope, token));
        } catch (GisServerException e) {
            if (!rejects(scope, e)) {
                throw e;
            }
            rejected(scope, slot, token, e);
        }
        IssuedToken renewed = current(scope, slot);
        try {
            return call.apply(context(scope, renewed));
        } catch (GisServerException e) {
            if (rejects(scope, e)) {
                rejected(scope, slot, renewed, e);
            }
            throw e;
        }
    }

    /** Sends requests with one fixed set of credentials; see {@link #readAsAccount}. */
    @FunctionalInterface
    public interface Sender {
        JsonNode call(String step, GisRequest request);
    }

    /**
     * Runs a read of iPortal whose answer depends on who asks, such as a services listing, with one session (or
     * token) from its first request to its last, then asks the portal who it took the caller for
     * ({@code web/config/userprofile.json}, which names the account or {@code GUEST}, iportal-rest.md §2.3). A portal
     * may serve a request carrying a session it has dropped as if GUEST had sent it, with HTTP 200 and only what
     * GUEST may view, instead of refusing it with 401; so when the portal names anyone but the account, the read is
     * discarded, the session renewed and the read run a second and last time, as after a 401.
     */
    public <T> T readAsAccount(TokenScope scope, Function<Sender, T> read) {
        String account = scope.credentials().credentials().username();
        return withToken(scope, auth -> {
            Sender sender = (step, request) -> http.call(step, auth.apply(request));
            T result = read.apply(sender);
            String step = "check that iPortal still takes the session for " + account;
            String caller = sender.call(step, GisRequest.get(scope.resolve("web/config/userprofile.json")))
                    .path("userName").asText("");
            if (!account.equals(caller)) {
                throw new TokenRejectedException(step, 200, null, List.of("the portal answered as if "
                        + (caller.isEmpty() ? "an unnamed user" : caller) + " had asked"));
            }
            return result;
        });
    }

    /** Sends {@code request} with credentials and returns the checked reply. */
    public JsonNode call(TokenScope scope, String step, GisRequest request) {
        return withToken(scope, auth -> http.call(step, auth.apply(request)));
    }

    /** Streams a download with credentials; see {@link GisHttpClient#download}. */
    public <T> T download(TokenScope scope, String step, GisRequest request, StreamHandler<T> handler) {
        return withToken(scope, auth -> http.download(step, auth.apply(request), handler));
    }

    /** Credentials valid now, for a caller that cannot use {@link #withToken} (and then handles rejection). */
    public AuthContext authContext(TokenScope scope) {
        return context(scope, current(scope, slot(scope)));
    }

    /** Drops the cached token, e.g. after joining a site, whose credentials then apply. */
    public void invalidate(TokenScope scope) {
        slot(scope).clear();
    }

    /** How many tokens and sessions were obtained from servers. */
    public long issuedCount() {
        return issued.sum();
    }

    public void addListener(TokenListener listener) {
        listeners.add(listener);
    }

    private IssuedToken current(TokenScope scope, TokenSlot slot) {
        return slot.current(token -> token.usableAt(clock.instant(), settings.getRefreshMargin()), () -> issue(scope));
    }

    private IssuedToken issue(TokenScope scope) {
        Credentials credentials = scope.credentials().credentials();
        IssuedToken token = scope.kind().isIportal()
                ? iportal.issue(scope, credentials)
                : arcgis.issue(scope, credentials);
        issued.increment();
        LOG.info("Obtained {} for {} at {}{}", describe(scope.kind()), credentials.username(),
                SafeUrl.render(scope.root()), token.expiresAt() == null ? "" : ", valid until " + token.expiresAt());
        listeners.forEach(l -> l.issued(scope.kind(), scope.root()));
        return token;
    }

    private void rejected(TokenScope scope, TokenSlot slot, IssuedToken token, GisServerException e) {
        LOG.info("{} rejected at step '{}'; getting a new one", describe(scope.kind()), e.step());
        slot.invalidate(token);
        listeners.forEach(l -> l.rejected(scope.kind(), scope.root()));
    }

    /** iPortal answers a dead session or token with 401 rather than ArcGIS's 498/499. */
    private static boolean rejects(TokenScope scope, GisServerException e) {
        return e instanceof TokenRejectedException
                || (scope.kind().isIportal() && e instanceof PermanentServerException p && p.isUnauthorized());
    }

    private AuthContext context(TokenScope scope, IssuedToken token) {
        return switch (scope.kind()) {
            case ARCGIS_ADMIN, ARCGIS_SERVICES -> settings.getPlacement() == TokenPlacement.HEADER
                    ? new AuthContext(Map.of("X-Esri-Authorization", "Bearer " + token.value(),
                            "Referer", settings.getReferer()), Map.of())
                    : new AuthContext(Map.of("Referer", settings.getReferer()), Map.of("token", token.value()));
            case IPORTAL_SESSION -> new AuthContext(
                    Map.of("Cookie", IportalAuthIssuer.SESSION_COOKIE + "=" + token.value()), Map.of());
            case IPORTAL_TOKEN -> new AuthContext(Map.of(), Map.of("token", token.value()));
        };
    }

    private TokenSlot slot(TokenScope scope) {
        CacheKey key = new CacheKey(scope.kind(), normalize(scope.root()), scope.credentials().credentials().username());
        return slots.computeIfAbsent(key, k -> new TokenSlot());
    }

    /** Scheme and host are case-insensitive; the path is not. */
    private static String normalize(URI root) {
        if (root.getScheme() == null) {
            return root.toString();
        }
        String authority = root.getRawAuthority() == null ? "" : root.getRawAuthority().toLowerCase(Locale.ROOT);
        return root.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + (root.getRawPath() == null ? "" : root.getRawPath());
    }

    private static String describe(TokenKind kind) {
        return switch (kind) {
            case ARCGIS_ADMIN -> "ArcGIS admin token";
            case ARCGIS_SERVICES -> "ArcGIS services token";
            case IPORTAL_SESSION -> "iPortal session";
            case IPORTAL_TOKEN -> "iPortal token";
        };
    }
}
