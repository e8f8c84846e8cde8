package org.giscamel.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.PresentedToken;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.HttpSettings;
import org.giscamel.http.LogCapture;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TokenRejectedException;
import org.giscamel.reply.TransientServerException;
import org.giscamel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArcGisTokenServiceTest {

    private final MutableClock clock = new MutableClock();
    private final ArcGisTokenStub stub = new ArcGisTokenStub(clock, 24 * 60);
    private final GisHttpClient http = new GisHttpClient(HttpSettings.defaults());
    private final TokenSettings settings = TokenSettings.defaults();
    private final CredentialsProvider credentials =
            CredentialsProvider.of(new Credentials(ArcGisTokenStub.USER, ArcGisTokenStub.PASSWORD));
    private TokenService tokens = new TokenService(http, settings, clock);

    @AfterEach
    void stop() {
        stub.close();
    }

    private TokenScope admin() {
        return TokenScope.arcgisAdmin(stub.root(), credentials);
    }

    private TokenScope services() {
        return TokenScope.arcgisServices(stub.root(), credentials);
    }

    private JsonNode machines() {
        return tokens.call(admin(), "list machines", GisRequest.get(stub.uri("/arcgis/admin/machines")).param("f", "json"));
    }

    private JsonNode catalog() {
        return tokens.call(services(), "read catalog", GisRequest.get(stub.uri("/arcgis/rest/services")).param("f", "json"));
    }

    private static String presentedToken(EmulatorRequest request) {
        return PresentedToken.of(request).orElse(null);
    }

    @Test
    void adminTokenIsRequestedWithRefererAndCredentialsInThePostBody() {
        machines();
        EmulatorRequest request = stub.tokenRequests.get(0);
        assertEquals("POST", request.method());
        assertEquals("referer", request.param("client").orElseThrow());
        assertEquals("gis-camel-routes", request.param("referer").orElseThrow());
        assertEquals("gis-camel-routes", request.header("Referer").orElseThrow());
        assertEquals("60", request.param("expiration").orElseThrow());
        assertEquals("json", request.param("f").orElseThrow());
        String body = new String(request.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("username=siteadmin") && body.contains("password=pa55-w0rd%21"), "credentials in the body");
    }

    @Test
    void adminTokenWithStringExpiresIsReusedUntilTheMarginBeforeExpiry() {
        stub.authority.maxLifetimeMinutes(30); // the server grants less than asked; only the reply's expires knows
        machines();
        clock.advance(Duration.ofMinutes(25).minusSeconds(1));
        machines();
        assertEquals(1, stub.adminTokenCalls.get());
        clock.advance(Duration.ofSeconds(2));
        machines();
        assertEquals(2, stub.adminTokenCalls.get());
    }

    @Test
    void shortLivedTokenIsRefreshedAtHalfItsLifetimeNotOnEveryCall() {
        stub.authority.maxLifetimeMinutes(4);
        machines();
        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        machines();
        assertEquals(1, stub.adminTokenCalls.get());
        clock.advance(Duration.ofSeconds(2));
        machines();
        assertEquals(2, stub.adminTokenCalls.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/arcgis/tokens/", "/arcgis/tokens", "/arcgis/tokens/generateToken"})
    void servicesTokenComesFromTheUrlRestInfoAdvertises(String tokenServicesPath) {
        stub.tokenServicesPath = tokenServicesPath;
        stub.authority.maxLifetimeMinutes(30);
        assertTrue(catalog().path("ok").asBoolean());
        clock.advance(Duration.ofMinutes(25).plusSeconds(1));
        catalog();
        assertEquals(2, stub.servicesTokenCalls.get());
        assertEquals(0, stub.adminTokenCalls.get());
        assertEquals(1, stub.infoCalls.get(), "the token URL is discovered once per site");
    }

    @Test
    void siteWithoutTokenSecurityFailsClearly() {
        stub.tokenServicesPath = null;
        PermanentServerException e = assertThrows(PermanentServerException.class, this::catalog);
        assertTrue(e.getMessage().contains("does not advertise token-based security"), e.getMessage());
    }

    @Test
    void adminAndServicesTokensAreCachedApart() {
        machines();
        catalog();
        machines();
        catalog();
        assertEquals(1, stub.adminTokenCalls.get());
        assertEquals(1, stub.servicesTokenCalls.get());
        assertTrue(stub.issuedTokens.size() == 2 && !stub.issuedTokens.get(0).equals(stub.issuedTokens.get(1)));
    }

    @Test
    void concurrentCallersShareOneRefresh() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        stub.beforeIssue = () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<JsonNode> results = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            callers.add(new Thread(() -> results.add(machines())));
        }
        callers.forEach(Thread::start);
        // Hold the one generateToken open until every other caller is parked waiting for its token; the one
        // that asked for it is reading the reply.
        await().atMost(Duration.ofSeconds(20)).until(() -> stub.adminTokenCalls.get() >= 1
                && callers.stream().filter(t -> t.getState() == Thread.State.WAITING).count() == callers.size() - 1);
        release.countDown();
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(20));
        }
        assertEquals(1, stub.adminTokenCalls.get());
        assertEquals(12, results.size());
        assertTrue(results.stream().allMatch(r -> r.path("ok").asBoolean()));
    }

    static Stream<ObjectNode> rejections() {
        return Stream.of(ArcGisErrors.invalidToken(), ArcGisErrors.tokenRequired(),
                ArcGisErrors.admin(498, "Token Expired."),
                ArcGisErrors.admin(499, "Unauthorized access. Token not found. You can generate a token using the "
                        + "'generateToken' operation."));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void rejectedTokenIsReplacedAndTheCallRepeatedOnce(ObjectNode rejection) {
        stub.forcedReplies.add(request -> EmulatorResponse.json(rejection));
        assertTrue(machines().path("ok").asBoolean());
        assertEquals(2, stub.adminTokenCalls.get());
        assertEquals(2, stub.protectedCalls.get());
        assertEquals(stub.issuedTokens.get(1), presentedToken(stub.protectedRequests.get(1)));
    }

    @Test
    void tokenTheServerExpiredEarlyIsRenewed() {
        machines();
        stub.authority.expireAll();
        assertTrue(machines().path("ok").asBoolean());
        assertEquals(2, stub.adminTokenCalls.get());
    }

    @Test
    void serverThatAlwaysRejectsGetsExactlyTwoCallsThenTheException() {
        for (int i = 0; i < 10; i++) {
            stub.forcedReplies.add(request -> EmulatorResponse.json(ArcGisErrors.invalidToken()));
        }
        TokenRejectedException e = assertThrows(TokenRejectedException.class, this::machines);
        assertEquals(2, stub.protectedCalls.get());
        assertEquals(2, stub.adminTokenCalls.get());
        assertEquals("list machines", e.step());
    }

    @Test
    void otherFailuresAreNotRetried() {
        stub.forcedReplies.add(request -> EmulatorResponse.json(ArcGisErrors.services(403,
                "You do not have permissions to access this resource or perform this operation.", List.of())));
        assertThrows(PermanentServerException.class, this::machines);
        stub.forcedReplies.add(request -> EmulatorResponse.json(503, ArcGisErrors.admin(503, "Service unavailable")));
        assertThrows(TransientServerException.class, this::machines);
        assertEquals(2, stub.protectedCalls.get());
        assertEquals(1, stub.adminTokenCalls.get());
    }

    @Test
    void headerPlacementSendsBearerAndReferer() {
        machines();
        EmulatorRequest request = stub.protectedRequests.get(0);
        assertEquals("Bearer " + stub.issuedTokens.get(0), request.header("X-Esri-Authorization").orElseThrow());
        assertEquals("gis-camel-routes", request.header("Referer").orElseThrow());
        assertTrue(request.param("token").isEmpty());
    }

    @Test
    void parameterPlacementPutsTheTokenInTheQueryOfAGetAndTheBodyOfAPost() {
        settings.setPlacement(TokenPlacement.PARAMETER);
        catalog();
        tokens.call(services(), "read catalog", GisRequest.postForm(stub.uri("/arcgis/rest/services"), Map.of("f", "json")));
        String token = stub.issuedTokens.get(0);
        EmulatorRequest get = stub.protectedRequests.get(0);
        EmulatorRequest post = stub.protectedRequests.get(1);
        assertEquals(token, get.param("token").orElseThrow());
        assertTrue(get.header("X-Esri-Authorization").isEmpty());
        assertEquals("gis-camel-routes", get.header("Referer").orElseThrow());
        assertTrue(new String(post.body(), StandardCharsets.UTF_8).contains("token=" + token));
    }

    @Test
    void badCredentialsFailPermanentlyWithoutNamingThePassword() {
        TokenScope scope = TokenScope.arcgisAdmin(stub.root(),
                CredentialsProvider.of(new Credentials(ArcGisTokenStub.USER, "wr0ng-Secret")));
        PermanentServerException e = assertThrows(PermanentServerException.class, () -> tokens.call(scope,
                "list machines", GisRequest.get(stub.uri("/arcgis/admin/machines"))));
        assertEquals("generate ArcGIS admin token failed: Unable to generate token.; Invalid username or password. "
                + "(HTTP 200, code 400)", e.getMessage());
        assertEquals(0, stub.protectedCalls.get());
    }

    @Test
    void secretsNeverReachLogsOrExceptionMessages() {
        settings.setPlacement(TokenPlacement.PARAMETER); // the token then travels in URLs, the riskier case
        GisServerException failure;
        String logged;
        try (LogCapture log = LogCapture.debug("org.giscamel")) {
            catalog();
            stub.authority.expireAll();
            catalog();
            for (int i = 0; i < 2; i++) {
                stub.forcedReplies.add(request -> EmulatorResponse.json(ArcGisErrors.invalidToken()));
            }
            failure = assertThrows(TokenRejectedException.class, this::catalog);
            logged = log.text();
        }
        assertFalse(logged.isEmpty());
        assertEquals(3, stub.issuedTokens.size());
        for (String secret : secrets()) {
            assertFalse(logged.contains(secret), "log shows a secret:\n" + logged);
            assertFalse(failure.getMessage().contains(secret), failure.getMessage());
        }
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(stub.issuedTokens);
        secrets.add(ArcGisTokenStub.PASSWORD);
        secrets.add("pa55-w0rd%21");
        return secrets;
    }

    @Test
    void listenersAndCounterSeeEveryIssueAndRejection() {
        List<String> events = new CopyOnWriteArrayList<>();
        tokens.addListener(new TokenListener() {
            @Override
            public void issued(TokenKind kind, URI root) {
                events.add("issued " + kind);
            }

            @Override
            public void rejected(TokenKind kind, URI root) {
                events.add("rejected " + kind);
            }
        });
        machines();
        stub.forcedReplies.add(request -> EmulatorResponse.json(Json.object().put("status", "error").put("code", 498)));
        machines();
        assertEquals(List.of("issued ARCGIS_ADMIN", "rejected ARCGIS_ADMIN", "issued ARCGIS_ADMIN"), events);
        assertEquals(2, tokens.issuedCount());
    }

    @Test
    void invalidateForcesANewToken() {
        machines();
        tokens.invalidate(admin());
        machines();
        assertEquals(2, stub.adminTokenCalls.get());
    }

    @Test
    void sameSiteWrittenWithATrailingSlashOrUpperCaseSchemeSharesTheToken() {
        machines();
        URI variant = URI.create(stub.root().toString().replace("http:", "HTTP:") + "/");
        tokens.call(TokenScope.arcgisAdmin(variant, credentials), "list machines",
                GisRequest.get(stub.uri("/arcgis/admin/machines")));
        assertEquals(1, stub.adminTokenCalls.get());
    }
}
