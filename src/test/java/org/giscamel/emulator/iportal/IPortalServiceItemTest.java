package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Fault;
import org.giscamel.emulator.http.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IPortalServiceItemTest extends PortalTestSupport {

    private static final String LINK = "http://127.0.0.1:6080/arcgis/rest/services/Elevation/MapServer";

    private int registerAsHarvester() {
        return Integer.parseInt(as(config.user).postJson("/iportal/web/services.json", arcgisBody(LINK))
                .json().path("newResourceID").asText());
    }

    @Test
    void getReturnsTheFullServiceInfoWithMetadata() {
        int id = registerAsHarvester();

        JsonNode info = as(config.user).get("/iportal/web/services/" + id + ".json").json();

        assertEquals(id, info.path("id").asInt());
        assertEquals(LINK, info.path("linkPage").asText());
        assertEquals("Elevation", info.path("resTitle").asText());
        assertEquals(LINK, info.path("metadata").path("distInfo").path("onLineSrc").path("linkage").asText());
        assertEquals("harvester", info.path("userName").asText());
        assertTrue(info.path("createTime").asLong() > 0);
        assertTrue(info.has("tokenRefreshUrl"));
        assertTrue(info.path("thumbnail").asText().contains("/services/../web/static/"));
    }

    @Test
    void unknownIdIs404() {
        PortalClient.Reply reply = as(config.admin).get("/iportal/web/services/999.json");

        assertEquals(404, reply.status());
        assertEquals(404, reply.json().path("error").path("code").asInt());
    }

    @Test
    void anotherUsersPrivateServiceIsNotReadable() {
        ServiceRegistration bobs = stored("bob", LINK);

        assertEquals(401, as(config.user).get("/iportal/web/services/" + bobs.id() + ".json").status());
        assertEquals(401, client.get("/iportal/web/services/" + bobs.id() + ".json").status());
    }

    @Test
    void headOnAServiceAnswersLikeGet() {
        int id = registerAsHarvester();

        assertEquals(200, as(config.user).head("/iportal/web/services/" + id + ".json").status());
        assertEquals(404, as(config.user).head("/iportal/web/services/77.json").status());
    }

    @Test
    void putUpdatesTheEditableFieldsAndStampsUpdateTime() {
        int id = registerAsHarvester();
        long before = portal.registry().find(id).orElseThrow().updateTime();
        clock.advance(Duration.ofMinutes(1));
        String body = "{\"tags\":[\"renamed\"],\"authorizeSetting\":" + PUBLIC + ","
                + "\"metadata\":{\"dataIdInfo\":{\"dataIdent\":{\"idCitation\":{\"resTitle\":\"Heights\"}}},"
                + "\"distInfo\":{\"onLineSrc\":{\"linkage\":\"" + LINK + "\"}}},"
                + "\"thumbnail\":\"http://img/t.png\",\"tokenRefreshUrl\":\"http://ags/arcgis/tokens/generateToken\"}";

        PortalClient.Reply reply = as(config.user).putJson("/iportal/web/services/" + id + ".json", body);

        assertEquals(200, reply.status());
        assertTrue(reply.json().path("succeed").asBoolean());
        ServiceRegistration updated = portal.registry().find(id).orElseThrow();
        assertEquals(List.of("renamed"), updated.tags());
        assertEquals("Heights", updated.resTitle());
        assertEquals("http://img/t.png", updated.thumbnail());
        assertEquals("http://ags/arcgis/tokens/generateToken", updated.tokenRefreshUrl());
        assertEquals(List.of(ShareEntity.publicRead()), updated.authorizeSetting());
        assertEquals(before + 60_000, updated.updateTime());
        assertEquals(LINK, updated.linkPage());
    }

    @Test
    void putOfTheFullServiceInfoSucceedsButChangesNothing() {
        int id = registerAsHarvester();
        PortalClient harvester = as(config.user);
        ObjectNode full = (ObjectNode) harvester.get("/iportal/web/services/" + id + ".json").json();
        full.putArray("tags").add("renamed");
        ServiceRegistration before = portal.registry().find(id).orElseThrow();
        clock.advance(Duration.ofMinutes(1));

        PortalClient.Reply reply = harvester.putJson("/iportal/web/services/" + id + ".json", full.toString());

        assertEquals(200, reply.status());
        assertTrue(reply.json().path("succeed").asBoolean());
        ServiceRegistration after = portal.registry().find(id).orElseThrow();
        assertEquals(List.of("harvested"), after.tags());
        assertEquals(before.updateTime(), after.updateTime());
    }

    @Test
    void putWithABadFieldValueIs400() {
        int id = registerAsHarvester();

        PortalClient.Reply reply = as(config.user).putJson("/iportal/web/services/" + id + ".json", "{\"tags\":\"x\"}");

        assertEquals(400, reply.status());
    }

    @Test
    void onlyTheOwnerOrAnAdminMayUpdate() {
        ServiceRegistration bobs = portal.registry().add(ServiceRegistration.builder("bob", "ARCGIS_REST", LINK)
                .authorizeSetting(List.of(ShareEntity.publicRead())).build());
        String body = "{\"tags\":[\"mine\"]}";

        assertEquals(401, as(config.user).putJson("/iportal/web/services/" + bobs.id() + ".json", body).status());
        assertEquals(401, client.putJson("/iportal/web/services/" + bobs.id() + ".json", body).status());
        assertEquals(List.of(), portal.registry().find(bobs.id()).orElseThrow().tags());

        assertEquals(200, as(config.admin).putJson("/iportal/web/services/" + bobs.id() + ".json", body).status());
        assertEquals(List.of("mine"), portal.registry().find(bobs.id()).orElseThrow().tags());
    }

    @Test
    void deleteOneService() {
        int id = registerAsHarvester();

        PortalClient.Reply reply = as(config.user).delete("/iportal/web/services/" + id + ".rjson");

        assertEquals(200, reply.status());
        assertTrue(reply.json().path("succeed").asBoolean());
        assertTrue(portal.registry().find(id).isEmpty());
    }

    @Test
    void deleteByIdsUnencodedAsIClient912SendsThem() {
        stored("harvester", LINK + "1");
        stored("harvester", LINK + "2");
        stored("harvester", LINK + "3");

        PortalClient.Reply reply = as(config.user).delete("/iportal/web/services.json?ids=[1,2]");

        assertEquals(200, reply.status());
        assertTrue(reply.json().path("succeed").asBoolean());
        assertEquals(List.of(3), portal.registry().list().stream().map(ServiceRegistration::id).toList());
    }

    @Test
    void deleteByIdsUrlEncodedAsIClient11SendsThem() {
        stored("harvester", LINK + "1");
        stored("harvester", LINK + "2");

        PortalClient.Reply reply = as(config.user).delete("/iportal/web/services.json?ids=%5B2%5D");

        assertEquals(200, reply.status());
        assertEquals(List.of(1), portal.registry().list().stream().map(ServiceRegistration::id).toList());
    }

    @Test
    void batchDeleteWithAnUnknownIdDeletesNothing() {
        stored("harvester", LINK);

        PortalClient.Reply reply = as(config.user).delete("/iportal/web/services.json?ids=[1,42]");

        assertEquals(404, reply.status());
        assertFalse(reply.json().path("succeed").asBoolean());
        assertEquals(1, portal.registry().count());
    }

    @Test
    void onlyTheOwnerOrAnAdminMayDelete() {
        stored("bob", LINK);

        assertEquals(401, as(config.user).delete("/iportal/web/services.json?ids=[1]").status());
        assertEquals(401, as(config.user).delete("/iportal/web/services/1.json").status());
        assertEquals(1, portal.registry().count());
        assertEquals(200, as(config.admin).delete("/iportal/web/services.json?ids=[1]").status());
        assertEquals(0, portal.registry().count());
    }

    @Test
    void deleteThroughMethodOverrideWithIdsInTheBody() {
        stored("harvester", LINK);

        PortalClient.Reply reply = as(config.user).postJsonAsForm("/iportal/web/services.json?_method=DELETE", "{\"ids\":[1]}");

        assertEquals(200, reply.status());
        assertEquals(0, portal.registry().count());
    }

    @Test
    void listThroughMethodOverrideWithParametersInTheBody() {
        stored("harvester", LINK, "a");
        stored("harvester", LINK + "2", "b");

        JsonNode page = as(config.user).postJsonAsForm("/iportal/web/services.json?_method=GET",
                "{\"tags\":[\"b\"],\"currentPage\":1}").json();

        assertEquals(1, page.path("total").asInt());
        assertEquals(2, page.path("content").get(0).path("id").asInt());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405InTheEnvelope() {
        PortalClient.Reply missing = client.get("/iportal/web/nothing.json");
        PortalClient.Reply wrongMethod = client.send("PATCH", "/iportal/web/services.json", null, null);

        assertEquals(404, missing.status());
        assertFalse(missing.json().path("succeed").asBoolean());
        assertEquals(405, wrongMethod.status());
        assertEquals(405, wrongMethod.json().path("error").path("code").asInt());
    }

    @Test
    void faultsArmedThroughTheControlApiAnswerInTheEnvelope() {
        client.postForm("/__emulator/faults?fault=HTTP_503&path=/iportal/web/services&times=1", "");
        portal.faults().arm(Fault.HTTP_500, "/iportal/web/login", 1);

        PortalClient.Reply unavailable = client.get("/iportal/web/services.json");
        PortalClient.Reply failed = client.postJson("/iportal/web/login.json", "{}");

        assertEquals(503, unavailable.status());
        assertEquals(503, unavailable.json().path("error").path("code").asInt());
        assertEquals(500, failed.status());
        assertFalse(Json.parseOrNull(failed.body()).path("succeed").asBoolean());
        assertEquals(200, client.get("/iportal/web/services.json").status());
    }
}
