package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IPortalGatewaySearchTest extends PortalTestSupport {

    /** The query string iClient 11.1.1 {@code queryResources} sends. */
    private static final String ICLIENT_QUERY = "?resourceType=SERVICE&pageSize=12&currentPage=1&orderBy=UPDATETIME"
            + "&orderType=DESC&searchType=PUBLIC&tags=%5B%5D&dirIds=%5B%5D&resourceSubTypes=%5B%5D"
            + "&aggregationTypes=%5B%5D&text=&groupIds=%5B%5D&departmentIds=%5B%5D&t=1700000000000";

    private void seed() {
        portal.registry().add(ServiceRegistration.builder("harvester", "ARCGIS_REST", "http://h/arcgis/rest/services/A/MapServer")
                .resTitle("Alpha").tags("x").authorizeSetting(List.of(ShareEntity.publicRead())).build());
        clock.advance(Duration.ofSeconds(1));
        portal.registry().add(ServiceRegistration.builder("harvester", "WMS", "http://h/iserver/services/m/wms130")
                .resTitle("Beta").authorizeSetting(List.of(ShareEntity.publicRead())).build());
        portal.registry().add(ServiceRegistration.builder("harvester", "ARCGIS_REST", "http://h/arcgis/rest/services/P/MapServer")
                .resTitle("Private").build());
    }

    private static List<Integer> resourceIds(JsonNode result) {
        return StreamSupport.stream(result.path("content").spliterator(), false)
                .map(r -> r.path("resourceId").asInt()).toList();
    }

    @Test
    void iClientQueryFindsPublicServicesNewestFirst() {
        seed();

        JsonNode result = client.get("/iportal/gateway/catalog/resource/search.json" + ICLIENT_QUERY).json();

        assertEquals(List.of(2, 1), resourceIds(result));
        assertEquals(2, result.path("total").asInt());
        assertEquals(1, result.path("currentPage").asInt());
        assertEquals(12, result.path("pageSize").asInt());
        assertTrue(result.has("aggregations"));
        JsonNode first = result.path("content").get(0);
        assertEquals("SERVICE", first.path("resourceType").asText());
        assertEquals("WMS", first.path("resourceSubType").asText());
        assertEquals("Beta", first.path("name").asText());
    }

    @Test
    void myResourcesNeedALoginAndListOwnedServices() {
        seed();

        assertEquals(401, client.get("/iportal/gateway/catalog/resource/search.json?searchType=MY_RES").status());
        assertEquals(List.of(1, 2, 3), resourceIds(as(config.user)
                .get("/iportal/gateway/catalog/resource/search.json?searchType=MY_RES&orderType=ASC").json()));
    }

    @Test
    void textTagsAndSubTypesFilter() {
        seed();
        String search = "/iportal/gateway/catalog/resource/search.json?";

        assertEquals(List.of(1), resourceIds(client.get(search + "text=alp").json()));
        assertEquals(List.of(1), resourceIds(client.get(search + "tags=%5B%22x%22%5D").json()));
        assertEquals(List.of(2), resourceIds(client.get(search + "resourceSubTypes=[WMS]").json()));
        assertEquals(List.of(), resourceIds(client.get(search + "resourceType=MAP").json()));
    }
}
