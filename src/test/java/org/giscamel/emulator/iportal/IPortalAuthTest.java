package org.giscamel.emulator.iportal;

import org.giscamel.emulator.http.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IPortalAuthTest extends PortalTestSupport {

    private static final String LINK = "http://127.0.0.1:6080/arcgis/rest/services/Elevation/MapServer";

    @Test
    void loginReadsAJsonBodySentAsAFormAndSetsASessionCookie() {
        PortalClient.Reply reply = client.postJsonAsForm("/iportal/web/login.json",
                "{\"username\":\"harvester\",\"password\":\"harvester-secret\"}");

        assertEquals(200, reply.status());
        assertTrue(reply.json().path("succeed").asBoolean());
        assertEquals("/iportal", reply.json().path("referer").asText());
        assertTrue(reply.header("Set-Cookie").orElseThrow().matches("JSESSIONID=[^;]+; Path=/iportal; HttpOnly"));
    }

    @Test
    void loginAcceptsRealFormFieldsAndTheRjsonSuffix() {
        PortalClient.Reply reply = client.postForm("/iportal/web/login.rjson",
                "username=admin&password=iportal-admin-secret&rememberme=false");

        assertEquals(200, reply.status());
        assertTrue(reply.json().path("succeed").asBoolean());
    }

    @Test
    void wrongPasswordFailsWith401AndSucceedFalse() {
        PortalClient.Reply reply = client.postJson("/iportal/web/login.json",
                "{\"username\":\"harvester\",\"password\":\"wrong\"}");

        assertEquals(401, reply.status());
        assertFalse(reply.json().path("succeed").asBoolean());
        assertEquals(401, reply.json().path("error").path("code").asInt());
        assertTrue(reply.header("Set-Cookie").isEmpty());
    }

    @Test
    void sessionCookieAuthenticatesLaterCalls() {
        PortalClient harvester = as(config.user);

        PortalClient.Reply reply = harvester.postJsonAsForm("/iportal/web/services.json", arcgisBody(LINK));

        assertEquals(201, reply.status());
        assertEquals("harvester", portal.registry().list().get(0).userName());
    }

    @Test
    void tokenIsBareTextEndingInTwoDots() {
        PortalClient.Reply reply = client.postJsonAsForm("/iportal/services/security/tokens.json",
                "{\"userName\":\"harvester\",\"password\":\"harvester-secret\",\"clientType\":\"NONE\",\"expiration\":60}");

        assertEquals(200, reply.status());
        assertTrue(reply.body().endsWith(".."), reply.body());
        assertFalse(reply.body().startsWith("{") || reply.body().startsWith("\""));
    }

    @Test
    void tokenRequestToleratesLowercaseUsername() {
        PortalClient.Reply reply = client.postJson("/iportal/services/security/tokens.rjson",
                "{\"username\":\"harvester\",\"password\":\"harvester-secret\",\"clientType\":\"RequestIP\",\"expiration\":60}");

        assertEquals(200, reply.status());
        assertTrue(reply.body().endsWith(".."));
    }

    @Test
    void tokenWithBadCredentialsIs400WithTheEnvelope() {
        PortalClient.Reply reply = client.postJson("/iportal/services/security/tokens.json",
                "{\"userName\":\"harvester\",\"password\":\"nope\",\"clientType\":\"NONE\",\"expiration\":60}");

        assertEquals(400, reply.status());
        assertFalse(reply.json().path("succeed").asBoolean());
        assertEquals(400, reply.json().path("error").path("code").asInt());
        assertFalse(reply.json().path("error").path("errorMsg").asText().isBlank());
    }

    @Test
    void tokenAsQueryParameterAuthenticates() {
        String token = token(config.user);

        PortalClient.Reply reply = client.postJson("/iportal/web/services.json?token=" + token, arcgisBody(LINK));

        assertEquals(201, reply.status());
    }

    @Test
    void unauthenticatedRegistrationIs401WithTheEnvelope() {
        PortalClient.Reply reply = client.postJson("/iportal/web/services.json", arcgisBody(LINK));

        assertEquals(401, reply.status());
        assertFalse(reply.json().path("succeed").asBoolean());
        assertEquals(401, reply.json().path("error").path("code").asInt());
        assertEquals(0, portal.registry().count());
    }

    @Test
    void tokenExpiresAfterItsExpirationMinutes() {
        String token = client.postJson("/iportal/services/security/tokens.json",
                "{\"userName\":\"harvester\",\"password\":\"harvester-secret\",\"clientType\":\"NONE\",\"expiration\":5}").body();
        clock.advance(Duration.ofMinutes(4));
        assertEquals(201, client.postJson("/iportal/web/services.json?token=" + token, arcgisBody(LINK)).status());

        clock.advance(Duration.ofMinutes(2));
        PortalClient.Reply expired = client.postJson("/iportal/web/services.json?token=" + token, arcgisBody(LINK + "2"));

        assertEquals(401, expired.status());
    }

    @Test
    void anInvalidTokenIs401EvenOnPublicResources() {
        assertEquals(401, client.get("/iportal/web/services.json?token=forged..").status());
    }

    @Test
    void sessionExpiresAfterTheConfiguredMinutes() {
        PortalClient harvester = as(config.user);
        clock.advance(Duration.ofMinutes(config.sessionMinutes + 1));

        assertEquals(401, harvester.postJson("/iportal/web/services.json", arcgisBody(LINK)).status());
    }

    @Test
    void expireTokensFaultArmedThroughTheControlApiEndsSessionsAndTokens() {
        PortalClient harvester = as(config.user);
        String token = token(config.user);
        assertEquals(200, client.postForm("/__emulator/faults?fault=" + Fault.EXPIRE_TOKENS + "&path=/iportal/web/services.*&times=1", "").status());

        PortalClient.Reply bySession = harvester.postJson("/iportal/web/services.json", arcgisBody(LINK));
        PortalClient.Reply byToken = client.postJson("/iportal/web/services.json?token=" + token, arcgisBody(LINK));

        assertEquals(401, bySession.status());
        assertEquals(401, byToken.status());
        assertEquals(200, client.postJson("/iportal/web/login.json",
                "{\"username\":\"harvester\",\"password\":\"harvester-secret\"}").status());
    }

    @Test
    void userProfileNamesTheAccountOfALiveSessionOrTokenAndGuestOtherwise() {
        PortalClient harvester = as(config.user);
        String token = token(config.admin);

        assertEquals("harvester", harvester.get("/iportal/web/config/userprofile.json").json().path("userName").asText());
        PortalClient.Reply admin = client.get("/iportal/web/config/userprofile.json?token=" + token);
        assertEquals("admin", admin.json().path("userName").asText());
        assertEquals("ADMIN", admin.json().path("roles").get(0).asText());
        PortalClient.Reply guest = client.get("/iportal/web/config/userprofile.json");
        assertEquals(200, guest.status());
        assertEquals("GUEST", guest.json().path("userName").asText());

        clock.advance(Duration.ofMinutes(config.sessionMinutes + 1));

        PortalClient.Reply dropped = harvester.get("/iportal/web/config/userprofile.json");
        assertEquals(200, dropped.status());
        assertEquals("GUEST", dropped.json().path("userName").asText(), "a session the portal dropped is GUEST's");
        assertEquals(401, client.get("/iportal/web/config/userprofile.json?token=forged..").status());
    }

    @Test
    void requestLogKeepsNeitherPasswordsNorTokens() {
        String token = token(config.user);
        as(config.admin);
        client.get("/iportal/web/services.json?token=" + token);

        String log = portal.requests().entries().toString();

        assertEquals(1, portal.requests().count("POST", "/iportal/web/login\\.json"));
        assertFalse(log.contains(config.user.password()));
        assertFalse(log.contains(config.admin.password()));
        assertFalse(log.contains(token));
        assertFalse(log.contains(token.substring(0, token.length() - 2)));
    }

    @Test
    void accountToStringHidesThePassword() {
        assertFalse(config.admin.toString().contains(config.admin.password()));
    }
}
