package org.giscamel.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.HttpReply;
import org.giscamel.reply.PermanentServerException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs in to iPortal ({@code JSESSIONID} cookie) or gets a SuperMap token (a bare text reply). Both take JSON
 * bodies; note the token resource spells the user field {@code userName}.
 */
final class IportalAuthIssuer {

    static final String SESSION_COOKIE = "JSESSIONID";

    private final GisHttpClient http;
    private final TokenSettings settings;
    private final Clock clock;

    IportalAuthIssuer(GisHttpClient http, TokenSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    IssuedToken issue(TokenScope scope, Credentials credentials) {
        return scope.kind() == TokenKind.IPORTAL_SESSION ? login(scope, credentials) : token(scope, credentials);
    }

    private IssuedToken login(TokenScope scope, Credentials credentials) {
        String step = "log in to iPortal";
        String body = JsonNodeFactory.instance.objectNode()
                .put("username", credentials.username())
                .put("password", credentials.password())
                .toString();
        Instant obtainedAt = clock.instant();
        HttpReply reply = http.send(step, GisRequest.postJson(scope.resolve("web/login.json"), body));
        http.check(step, reply);
        String session = reply.headerValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0].trim())
                .filter(pair -> pair.startsWith(SESSION_COOKIE + "="))
                .map(pair -> pair.substring(SESSION_COOKIE.length() + 1))
                .filter(value -> !value.isBlank())
                .findFirst()
                .orElseThrow(() -> new PermanentServerException(step, "the reply sets no " + SESSION_COOKIE + " cookie", null));
        return new IssuedToken(session, obtainedAt, null);
    }

    private IssuedToken token(TokenScope scope, Credentials credentials) {
        String step = "generate iPortal token";
        String body = JsonNodeFactory.instance.objectNode()
                .put("userName", credentials.username())
                .put("password", credentials.password())
                .put("clientType", "NONE")
                .put("expiration", settings.getExpirationMinutes())
                .toString();
        Instant obtainedAt = clock.instant();
        JsonNode reply = http.call(step, GisRequest.postJson(scope.resolve("services/security/tokens.json"), body));
        String token = reply.isTextual() || reply.isNumber() ? reply.asText().trim() : "";
        if (token.isEmpty()) {
            throw new PermanentServerException(step, "the reply is not a token", null);
        }
        // iPortal states no expiry; the token lives the requested minutes from issue.
        return new IssuedToken(token, obtainedAt, obtainedAt.plus(Duration.ofMinutes(settings.getExpirationMinutes())));
    }
}
