package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IPortalRegistrationTest extends PortalTestSupport {

    private static final String LINK = "http://127.0.0.1:6080/arcgis/rest/services/Elevation/MapServer";

    @Test
    void registrationAnswers201WithAStringIdAndItsLocation() {
        PortalClient.Reply reply = as(config.user).postJsonAsForm("/iportal/web/services.json", arcgisBody(LINK));

        JsonNode json = reply.json();
        assertEquals(201, reply.status());
        assertTrue(json.path("succeed").asBoolean());
        assertTrue(json.path("newResourceID").isTextual());
        String id = json.path("newResourceID").asText();
        assertEquals(portal.url() + "/web/services/" + id, json.path("newResourceLocation").asText());
        assertEquals(portal.url() + "/web/services/" + id, reply.header("Location").orElseThrow());
        ServiceRegistration stored = portal.registry().find(Integer.parseInt(id)).orElseThrow();
        assertEquals(LINK, stored.linkPage());
        assertEquals("Elevation", stored.resTitle());
        assertEquals("ARCGIS_REST", stored.type());
        assertEquals("SUCCESSFUL", stored.checkStatus());
    }

    @Test
    void sameUserCannotRegisterTheSameAddressTwice() {
        PortalClient harvester = as(config.user);
        harvester.postJson("/iportal/web/services.json", arcgisBody(LINK));

        PortalClient.Reply again = harvester.postJson("/iportal/web/services.json", arcgisBody(LINK));

        assertEquals(400, again.status());
        assertFalse(again.json().path("succeed").asBoolean());
        assertTrue(again.json().path("error").path("errorMsg").asText().contains("already registered"));
        assertEquals(1, portal.registry().count());
    }

    @Test
    void anotherUserMayRegisterTheSameAddress() {
        stored("bob", LINK);

        PortalClient.Reply reply = as(config.user).postJson("/iportal/web/services.json", arcgisBody(LINK));

        assertEquals(201, reply.status());
        assertEquals(2, portal.registry().findByLinkage(LINK).size());
    }

    @Test
    void registryRejectsADuplicateAddedDirectly() {
        stored("bob", LINK);

        assertThrows(DuplicateRegistrationException.class, () -> stored("bob", LINK));
    }

    @Test
    void typeIsRequiredAndMustBeKnown() {
        PortalClient harvester = as(config.user);

        assertRejected(harvester.postJson("/iportal/web/services.json",
                arcgisBody(LINK).replace("\"type\":\"ARCGIS_REST\",", "")), "type");
        assertRejected(harvester.postJson("/iportal/web/services.json",
                arcgisBody(LINK).replace("ARCGIS_REST", "ESRI_MAGIC")), "ESRI_MAGIC");
    }

    @Test
    void tagsAndAuthorizeSettingAreRequired() {
        PortalClient harvester = as(config.user);

        assertRejected(harvester.postJson("/iportal/web/services.json",
                arcgisBody(LINK).replace("\"tags\":[\"harvested\"],", "")), "tags");
        assertRejected(harvester.postJson("/iportal/web/services.json",
                arcgisBody(LINK).replace("\"authorizeSetting\":[],", "")), "authorizeSetting");
    }

    @Test
    void metadataNeedsATitleAndALinkage() {
        PortalClient harvester = as(config.user);

        assertRejected(harvester.postJson("/iportal/web/services.json",
                registerBody("ARCGIS_REST", "", LINK, "[]", "[]")), "resTitle");
        assertRejected(harvester.postJson("/iportal/web/services.json",
                registerBody("ARCGIS_REST", "T", "", "[]", "[]")), "linkage");
        assertRejected(harvester.postJson("/iportal/web/services.json",
                registerBody("ARCGIS_REST", "T", "not a url", "[]", "[]")), "URL");
    }

    @Test
    void mapNamesAreOnlyForSuperMapRestServices() {
        PortalClient.Reply reply = as(config.user).postJson("/iportal/web/services.json",
                arcgisBody(LINK).replace("\"addedMapNames\":[]", "\"addedMapNames\":[\"China\"]"));

        assertRejected(reply, "addedMapNames");
    }

    @Test
    void sharingIsStoredWithTheOwnersImplicitEntryFirst() {
        as(config.user).postJson("/iportal/web/services.json",
                registerBody("WMS", "Roads", "http://h/iserver/services/map/wms130", "[\"t\"]", PUBLIC));

        JsonNode shares = as(config.admin).get("/iportal/web/services/1.json").json().path("authorizeSetting");

        assertEquals(2, shares.size());
        assertEquals("harvester", shares.get(0).path("entityName").asText());
        assertEquals("DELETE", shares.get(0).path("permissionType").asText());
        assertEquals("GUEST", shares.get(1).path("entityName").asText());
        assertEquals("READ", shares.get(1).path("permissionType").asText());
    }

    @Test
    void malformedSharingIsRejected() {
        PortalClient.Reply reply = as(config.user).postJson("/iportal/web/services.json",
                registerBody("ARCGIS_REST", "T", LINK, "[]", "[{\"entityType\":\"CAT\",\"permissionType\":\"READ\"}]"));

        assertRejected(reply, "authorizeSetting");
    }

    static void assertRejected(PortalClient.Reply reply, String messagePart) {
        assertEquals(400, reply.status(), reply.body());
        assertFalse(reply.json().path("succeed").asBoolean());
        assertTrue(reply.json().path("error").path("errorMsg").asText().contains(messagePart), reply.body());
    }

    @Test
    void errorResponderUsesTheCodeAsStatusUnlessAFaultForcesOne() {
        IPortalErrors errors = new IPortalErrors();

        EmulatorResponse chosen = errors.error(null, 0, 404, "missing");
        EmulatorResponse forced = errors.error(null, 503, 503, "busy");

        assertEquals(404, chosen.status());
        assertEquals(404, Json.parseOrNull(chosen.bodyAsString()).path("error").path("code").asInt());
        assertEquals("missing", Json.parseOrNull(chosen.bodyAsString()).path("error").path("errorMsg").asText());
        assertEquals(503, forced.status());
    }
}
