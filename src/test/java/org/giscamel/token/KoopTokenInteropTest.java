package org.giscamel.token;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.NodeProject;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.HttpSettings;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TokenRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs our token service against Koop ({@code conformance/koop}), an open-source GeoServices server from npm that
 * follows the ArcGIS token conventions: {@code /rest/info} discovery, {@code generateToken}, 499 without a token
 * and 498 for a dead one, all inside HTTP 200. Fails without Node.js (see {@link NodeProject}).
 */
class KoopTokenInteropTest {

    private static final String USER = "koop-admin";
    private static final String PASSWORD = "Interop-Pa55word";
    private static final Pattern LISTENING = Pattern.compile("KOOP LISTENING (http://\\S+)");
    /** The points of {@code conformance/koop/data/fire-stations.geojson}. */
    private static final List<String> STATIONS = List.of("Dongcheng", "Xicheng", "Chaoyang");

    private static NodeProject.Background koop;
    private static URI server;

    private final GisHttpClient http = new GisHttpClient(HttpSettings.defaults());

    @BeforeAll
    static void startKoop() throws Exception {
        koop = NodeProject.installed("koop").start(List.of("node", "server.js", "0"),
                Map.of("KOOP_USER", USER, "KOOP_PASSWORD", PASSWORD));
        server = URI.create(await().atMost(Duration.ofSeconds(60))
                .until(KoopTokenInteropTest::listeningUrl, Optional::isPresent).orElseThrow());
    }

    @AfterAll
    static void stopKoop() throws Exception {
        if (koop != null) {
            koop.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TokenPlacement.class)
    void securedQueryRecoversOnceWhenKoopForgetsItsTokens(TokenPlacement placement) {
        TokenSettings settings = TokenSettings.defaults();
        settings.setPlacement(placement);
        TokenService tokens = new TokenService(http, settings);
        AtomicInteger rejections = new AtomicInteger();
        tokens.addListener(new TokenListener() {
            @Override
            public void issued(TokenKind kind, URI root) {
            }

            @Override
            public void rejected(TokenKind kind, URI root) {
                rejections.incrementAndGet();
            }
        });
        TokenScope scope = scope(PASSWORD);
        int before = generateTokenCalls();

        assertEquals(STATIONS, stationNames(tokens.call(scope, "query fire stations", stationsQuery())));
        assertEquals(before + 1, generateTokenCalls());

        revokeAllTokens();
        assertEquals(STATIONS, stationNames(tokens.call(scope, "query fire stations", stationsQuery())));
        assertEquals(1, rejections.get(), "Koop's 498 is seen as a rejected token");
        assertEquals(before + 2, generateTokenCalls(), "one new token after the rejection");
    }

    @Test
    void koopsTokenRequiredReplyIsATokenRejection() {
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> http.call("query fire stations", stationsQuery()));

        assertEquals(499, e.serverCode().orElseThrow());
    }

    @Test
    void wrongPasswordIsAPermanentErrorNamingTheStep() {
        String wrongPassword = "Not-The-Pa55word";
        TokenService tokens = new TokenService(http, TokenSettings.defaults());
        int before = generateTokenCalls();

        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> tokens.call(scope(wrongPassword), "query fire stations", stationsQuery()));

        assertEquals("generate ArcGIS services token", e.step());
        assertTrue(e.getMessage().contains("Invalid username or password."), e.getMessage());
        assertFalse(e.getMessage().contains(wrongPassword), e.getMessage());
        assertEquals(before + 1, generateTokenCalls(), "a refused password is not tried again");
    }

    private static TokenScope scope(String password) {
        return TokenScope.arcgisServices(server.resolve("/file-geojson"),
                CredentialsProvider.of(new Credentials(USER, password)));
    }

    private static GisRequest stationsQuery() {
        return GisRequest.get(server.resolve("/file-geojson/rest/services/fire-stations/FeatureServer/0/query"))
                .param("where", "1=1").param("outFields", "*").param("f", "json");
    }

    private static List<String> stationNames(JsonNode reply) {
        return StreamSupport.stream(reply.path("features").spliterator(), false)
                .map(feature -> feature.path("attributes").path("name").asText())
                .toList();
    }

    /** How many generateToken requests Koop has answered, read from the test hook of {@code server.js}. */
    private int generateTokenCalls() {
        return http.call("read Koop token statistics", GisRequest.get(server.resolve("/__test/stats")))
                .path("generateTokenCalls").asInt();
    }

    private void revokeAllTokens() {
        http.call("revoke Koop tokens", GisRequest.postForm(server.resolve("/__test/revoke"), Map.of()));
    }

    private static Optional<String> listeningUrl() throws IOException {
        String output = koop.output();
        Matcher listening = LISTENING.matcher(output);
        if (listening.find()) {
            return Optional.of(listening.group(1));
        }
        if (!koop.isAlive()) {
            fail("Koop stopped before listening:\n" + output);
        }
        return Optional.empty();
    }
}
