package org.giscamel.token;

import org.giscamel.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.HttpSettings;
import org.giscamel.reply.PermanentServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IportalTokenServiceTest {

    private final MutableClock clock = new MutableClock();
    private final IportalAuthStub stub = new IportalAuthStub();
    private final TokenService tokens = new TokenService(new GisHttpClient(HttpSettings.defaults()),
            TokenSettings.defaults(), clock);
    private final CredentialsProvider credentials =
            CredentialsProvider.of(new Credentials(IportalAuthStub.USER, IportalAuthStub.PASSWORD));

    @AfterEach
    void stop() {
        stub.close();
    }

    private JsonNode list(TokenScope scope) {
        return tokens.call(scope, "list iPortal services", GisRequest.get(stub.uri("/iportal/web/services.json")));
    }

    private TokenScope session() {
        return TokenScope.iportalSession(stub.root(), credentials);
    }

    private TokenScope token() {
        return TokenScope.iportalToken(stub.root(), credentials);
    }

    @Test
    void sessionCookieIsSentAndKeptWhileTheServerAcceptsIt() {
        assertEquals(1, list(session()).path("total").asInt());
        clock.advance(Duration.ofDays(3)); // no documented session lifetime: keep it until rejected
        list(session());
        assertEquals(1, stub.logins.get());
        String cookie = stub.protectedRequests.get(1).header("Cookie").orElseThrow();
        assertTrue(cookie.matches("JSESSIONID=[0-9A-F]{32}"), cookie);
    }

    @Test
    void deadSessionIsRenewedOnceOn401() {
        list(session());
        stub.live.clear();
        assertEquals(1, list(session()).path("total").asInt());
        assertEquals(2, stub.logins.get());
        assertEquals(3, stub.protectedCalls.get());
    }

    @Test
    void refusedLoginInAnHttp200IsPermanent() {
        stub.loginRefused = true;
        PermanentServerException e = assertThrows(PermanentServerException.class, () -> list(session()));
        assertTrue(e.getMessage().startsWith("log in to iPortal failed: 用户名或密码错误"), e.getMessage());
        assertEquals(1, stub.logins.get());
        assertEquals(0, stub.protectedCalls.get());
    }

    @Test
    void tokenIsRequestedAsDocumentedAndSentAsAQueryParameter() {
        list(token());
        tokens.call(token(), "register service", GisRequest.postJson(stub.uri("/iportal/web/services.json"), "{}"));
        JsonNode body = stub.tokenBodies.get(0);
        assertEquals(IportalAuthStub.USER, body.path("userName").asText());
        assertEquals("NONE", body.path("clientType").asText());
        assertEquals(60, body.path("expiration").asInt());
        for (EmulatorRequest request : stub.protectedRequests) {
            assertTrue(request.param("token").orElseThrow().endsWith(".."));
            assertFalse(request.json().map(json -> json.has("token")).orElse(false), "the JSON body is left alone");
        }
        assertEquals(1, stub.tokenCalls.get());
    }

    @Test
    void tokenIsRenewedBeforeTheRequestedMinutesRunOut() {
        list(token());
        clock.advance(Duration.ofMinutes(55).minusSeconds(1));
        list(token());
        assertEquals(1, stub.tokenCalls.get());
        clock.advance(Duration.ofSeconds(2));
        list(token());
        assertEquals(2, stub.tokenCalls.get());
    }

    @Test
    void tokenRejectedWith401IsRenewedOnce() {
        list(token());
        stub.live.clear();
        assertEquals(1, list(token()).path("total").asInt());
        assertEquals(2, stub.tokenCalls.get());
    }

    @Test
    void portalThatAlwaysAnswers401GetsExactlyTwoCalls() {
        stub.denyAll = true;
        PermanentServerException e = assertThrows(PermanentServerException.class, () -> list(session()));
        assertTrue(e.isUnauthorized());
        assertEquals(2, stub.protectedCalls.get());
        assertEquals(2, stub.logins.get());
    }

    @Test
    void sessionAndTokenAreCachedApart() {
        list(session());
        list(token());
        list(session());
        list(token());
        assertEquals(1, stub.logins.get());
        assertEquals(1, stub.tokenCalls.get());
    }
}
