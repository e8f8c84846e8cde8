package org.giscamel.token;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.reply.PermanentServerException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates ArcGIS Server tokens: admin tokens at {@code <site>/admin/generateToken}, services tokens at the URL
 * {@code <site>/rest/info} advertises. Credentials travel only in the POST body.
 */
final class ArcGisTokenIssuer {

    private final GisHttpClient http;
    private final TokenSettings settings;
    private final Clock clock;
    private final Map<URI, URI> tokenServiceUrls = new ConcurrentHashMap<>();

    ArcGisTokenIssuer(GisHttpClient http, TokenSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    IssuedToken issue(TokenScope scope, Credentials credentials) {
        boolean admin = scope.kind() == TokenKind.ARCGIS_ADMIN;
        URI endpoint = admin ? scope.resolve("admin/generateToken") : tokenServiceUrl(scope);
        String step = admin ? "generate ArcGIS admin token" : "generate ArcGIS services token";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", credentials.username());
        form.put("password", credentials.password());
        form.put("client", "referer");
        form.put("referer", settings.getReferer());
        form.put("expiration", Integer.toString(settings.getExpirationMinutes()));
        form.put("f", "json");
        Instant obtainedAt = clock.instant();
        JsonNode reply = http.call(step, GisRequest.postForm(endpoint, form).header("Referer", settings.getReferer()));
        String token = reply.path("token").asText("");
        if (token.isBlank()) {
            throw new PermanentServerException(step, "the reply holds no token", null);
        }
        return new IssuedToken(token, obtainedAt, expires(reply.get("expires"), obtainedAt));
    }

    /**
     * Epoch milliseconds, sent as a number by {@code tokens/generateToken} and as a string by the admin API.
     * Without it, the requested lifetime is assumed (as the ArcGIS Python API does).
     */
    private Instant expires(JsonNode expires, Instant obtainedAt) {
        if (expires != null && expires.isNumber()) {
            return Instant.ofEpochMilli(expires.asLong());
        }
        if (expires != null && expires.isTextual() && expires.asText().trim().matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(expires.asText().trim()));
        }
        return obtainedAt.plus(Duration.ofMinutes(settings.getExpirationMinutes()));
    }

    /** Asks {@code /rest/info} once per site; the URL may end in {@code /tokens/}, which means generateToken. */
    private URI tokenServiceUrl(TokenScope scope) {
        return tokenServiceUrls.computeIfAbsent(scope.root(), root -> {
            String step = "discover ArcGIS token URL";
            JsonNode info = http.call(step, GisRequest.get(scope.resolve("rest/info")).param("f", "json"));
            String url = info.path("authInfo").path("tokenServicesUrl").asText("").trim();
            if (url.isEmpty()) {
                throw new PermanentServerException(step,
                        "the site does not advertise token-based security (no authInfo.tokenServicesUrl)", null);
            }
            if (!url.endsWith("generateToken")) {
                url = (url.endsWith("/") ? url : url + "/") + "generateToken";
            }
            return root.resolve(url);
        });
    }
}
