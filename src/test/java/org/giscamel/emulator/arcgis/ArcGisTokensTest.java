package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.TokenAuthority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.List;

import static org.giscamel.emulator.arcgis.ArcGisClient.form;
import static org.giscamel.emulator.arcgis.ArcGisClient.get;
import static org.giscamel.emulator.arcgis.ArcGisClient.post;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.PASSWORD;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArcGisTokensTest {

    private ArcGisEmulator arcgis;

    @BeforeEach
    void start() throws IOException {
        ArcGisEmulatorConfig config = ArcGisTestSupport.fastConfig();
        config.maxTokenMinutes = 120;
        arcgis = ArcGisEmulator.start(config);
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    /** Epoch milliseconds in the future, as a number or a string of digits as {@code spelling} says. */
    private static void assertExpires(ArcGisVariants.TokenExpires spelling, JsonNode reply) {
        JsonNode expires = reply.path("expires");
        assertEquals(spelling == ArcGisVariants.TokenExpires.STRING, expires.isTextual(), reply.toString());
        assertEquals(spelling == ArcGisVariants.TokenExpires.NUMBER, expires.isNumber(), reply.toString());
        assertTrue(Long.parseLong(expires.asText()) > System.currentTimeMillis());
    }

    @ParameterizedTest
    @EnumSource(ArcGisVariants.TokenExpires.class)
    void adminGenerateTokenSpellsExpiresAsItsSwitchSays(ArcGisVariants.TokenExpires spelling) {
        arcgis.config().variants.adminTokenExpires = spelling;
        JsonNode reply = post(arcgis.siteUrl() + "/admin/generateToken",
                form("username", USER, "password", PASSWORD, "client", "referer", "referer", "referer",
                        "expiration", "60", "f", "json")).json();

        assertFalse(reply.path("token").asText().isEmpty());
        assertExpires(spelling, reply);
    }

    @Test
    void adminGenerateTokenAnswersGetToo() {
        JsonNode reply = get(arcgis.siteUrl() + "/admin/generateToken?"
                + form("username", USER, "password", PASSWORD, "client", "requestip", "f", "json")).json();

        assertFalse(reply.path("token").asText().isEmpty(), reply.toString());
    }

    @ParameterizedTest
    @EnumSource(ArcGisVariants.TokenExpires.class)
    void servicesGenerateTokenSpellsExpiresAsItsSwitchSaysAndSendsSsl(ArcGisVariants.TokenExpires spelling) {
        arcgis.config().variants.servicesTokenExpires = spelling;
        JsonNode reply = post(arcgis.siteUrl() + "/tokens/generateToken",
                form("username", USER, "password", PASSWORD, "client", "referer", "referer", "@esri/arcgis-rest-js",
                        "f", "json")).json();

        assertExpires(spelling, reply);
        assertFalse(reply.path("ssl").asBoolean(true));
        assertFalse(reply.path("token").asText().isEmpty());
    }

    @Test
    void tokensRootAlsoGeneratesTokens() {
        JsonNode reply = post(arcgis.siteUrl() + "/tokens/",
                form("username", USER, "password", PASSWORD, "client", "requestip", "f", "json")).json();

        assertFalse(reply.path("token").asText().isEmpty(), reply.toString());
    }

    @Test
    void servicesGenerateTokenRefusesGetAsServersDoByDefault() {
        ArcGisClient.Reply reply = get(arcgis.siteUrl() + "/tokens/generateToken?"
                + form("username", USER, "password", PASSWORD, "f", "json"));

        assertEquals(200, reply.status());
        assertEquals(405, reply.json().path("error").path("code").asInt());
    }

    @Test
    void badCredentialsGetTheServicesEnvelopeWithHttp200() {
        ArcGisClient.Reply reply = post(arcgis.siteUrl() + "/tokens/generateToken",
                form("username", USER, "password", "wrong", "client", "requestip", "f", "json"));

        assertEquals(200, reply.status());
        JsonNode error = reply.json().path("error");
        assertEquals(400, error.path("code").asInt());
        assertEquals("Unable to generate token.", error.path("message").asText());
        assertEquals("Invalid username or password.", error.path("details").get(0).asText());
    }

    @Test
    void badCredentialsOnTheAdminEndpointGetTheAdminEnvelope() {
        ArcGisClient.Reply reply = post(arcgis.siteUrl() + "/admin/generateToken",
                form("username", USER.toUpperCase(), "password", PASSWORD, "client", "requestip", "f", "json"));

        assertEquals(200, reply.status());
        JsonNode body = reply.json();
        assertEquals("error", body.path("status").asText());
        assertEquals(400, body.path("code").asInt());
        assertTrue(body.path("messages").toString().contains("Invalid username or password."), body.toString());
    }

    @Test
    void missingCredentialsAreListed() {
        JsonNode details = post(arcgis.siteUrl() + "/tokens/generateToken", form("f", "json"))
                .json().path("error").path("details");

        assertEquals("'username' must be specified.", details.get(0).asText());
        assertEquals("'password' must be specified.", details.get(1).asText());
    }

    @Test
    void clientRefererNeedsAReferer() {
        JsonNode error = post(arcgis.siteUrl() + "/tokens/generateToken",
                form("username", USER, "password", PASSWORD, "client", "referer", "f", "json")).json().path("error");

        assertEquals(400, error.path("code").asInt());
        assertEquals("'referer' must be specified.", error.path("details").get(0).asText());
    }

    @Test
    void longerExpirationIsClampedSilentlyToTheServerMaximum() {
        long before = System.currentTimeMillis();
        JsonNode reply = post(arcgis.siteUrl() + "/tokens/generateToken",
                form("username", USER, "password", PASSWORD, "client", "requestip", "expiration", "20160", "f", "json")).json();

        long expires = reply.path("expires").asLong();
        assertTrue(expires <= System.currentTimeMillis() + 120 * 60_000L, "clamped to 120 min: " + reply);
        assertTrue(expires >= before + 119 * 60_000L, "not shorter than the maximum: " + reply);
    }

    @Test
    void restJsTokenExchangeWithServerUrlIssuesAFreshToken() {
        String first = ArcGisTestSupport.servicesToken(arcgis);

        JsonNode reply = post(arcgis.siteUrl() + "/tokens/generateToken",
                form("f", "json", "token", first, "serverUrl", arcgis.siteUrl(), "expiration", "20160")).json();

        String exchanged = reply.path("token").asText();
        assertFalse(exchanged.isEmpty(), reply.toString());
        assertNotEquals(first, exchanged);
        assertEquals(TokenAuthority.Check.VALID, arcgis.tokens().check(exchanged));
    }

    @Test
    void tokenExchangeAcceptsTheLocalhostSpellingOfTheSite() {
        String first = ArcGisTestSupport.servicesToken(arcgis);
        String serverUrl = arcgis.siteUrl().replace("127.0.0.1", "localhost") + "/rest/services";

        JsonNode reply = post(arcgis.siteUrl() + "/tokens/generateToken",
                form("f", "json", "token", first, "serverUrl", serverUrl)).json();

        assertFalse(reply.path("token").asText().isEmpty(), reply.toString());
    }

    @Test
    void tokenExchangeWithAnUnknownTokenIs498() {
        JsonNode reply = post(arcgis.siteUrl() + "/tokens/generateToken",
                form("f", "json", "token", "not-a-token", "serverUrl", arcgis.siteUrl())).json();

        assertEquals(498, reply.path("error").path("code").asInt());
    }

    @Test
    void tokenExchangeForAnotherServerIsRefused() {
        String first = ArcGisTestSupport.servicesToken(arcgis);

        JsonNode error = post(arcgis.siteUrl() + "/tokens/generateToken",
                form("f", "json", "token", first, "serverUrl", "https://elsewhere.example.com/arcgis")).json().path("error");

        assertEquals(400, error.path("code").asInt());
        assertEquals("Unable to generate token.", error.path("message").asText());
    }

    @Test
    void restInfoAdvertisesTheTokenServiceOnGetAndPost() {
        for (ArcGisClient.Reply reply : List.of(get(arcgis.siteUrl() + "/rest/info?f=json"),
                post(arcgis.siteUrl() + "/rest/info", form("f", "json")))) {
            JsonNode info = reply.json();
            assertEquals(11.1, info.path("currentVersion").asDouble());
            assertTrue(info.path("currentVersion").isNumber());
            assertEquals("11.1.0", info.path("fullVersion").asText());
            JsonNode authInfo = info.path("authInfo");
            assertTrue(authInfo.path("isTokenBasedSecurity").asBoolean());
            assertEquals(arcgis.siteUrl() + "/tokens/generateToken", authInfo.path("tokenServicesUrl").asText());
            assertEquals(60, authInfo.path("shortLivedTokenValidity").asInt());
        }
    }

    @Test
    void healthCheckAnswersWithoutToken() {
        assertTrue(get(arcgis.siteUrl() + "/rest/info/healthCheck?f=json").json().path("success").asBoolean());
    }

    @Test
    void tokensAreTakenFromTheParameterAndBothBearerHeaders() {
        String token = ArcGisTestSupport.adminToken(arcgis);
        String machines = arcgis.siteUrl() + "/admin/machines?f=json";

        assertTrue(get(machines + "&token=" + token).json().has("machines"));
        assertTrue(get(machines, "X-Esri-Authorization", "Bearer " + token).json().has("machines"));
        assertTrue(get(machines, "Authorization", "Bearer " + token).json().has("machines"));
        assertEquals(499, get(machines).json().path("code").asInt());
    }

    @Test
    void aResourceAskedWithoutFormatAnswersHtmlAsArcGisDefaultsToIt() {
        ArcGisClient.Reply html = get(arcgis.siteUrl() + "/rest/info");
        ArcGisClient.Reply pjson = get(arcgis.siteUrl() + "/rest/info?f=pjson");

        assertTrue(html.contentType().startsWith("text/html"), html.contentType());
        assertTrue(html.body().contains("tokenServicesUrl"));
        assertTrue(pjson.json().has("authInfo"));
        assertTrue(pjson.body().contains("\n"));
    }
}
