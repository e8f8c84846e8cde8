package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IPortalServicesListTest extends PortalTestSupport {

    private static final String BASE = "http://127.0.0.1:6080/arcgis/rest/services/";

    private PortalClient admin() {
        return as(config.admin);
    }

    private static List<Integer> ids(JsonNode page) {
        List<Integer> ids = new ArrayList<>();
        page.path("content").forEach(item -> ids.add(item.path("id").asInt()));
        return ids;
    }

    @Test
    void defaultPageHoldsNineItemsAndCountsPages() {
        for (int i = 1; i <= 20; i++) {
            stored("harvester", BASE + "S" + i + "/MapServer");
        }

        JsonNode page = admin().get("/iportal/web/services.json").json();

        assertEquals(9, page.path("content").size());
        assertEquals(1, page.path("currentPage").asInt());
        assertEquals(9, page.path("pageSize").asInt());
        assertEquals(20, page.path("total").asInt());
        assertEquals(3, page.path("totalPage").asInt());
        assertEquals(9, page.path("searchParameter").path("pageSize").asInt());
    }

    @Test
    void lastAndPastTheEndPages() {
        for (int i = 1; i <= 20; i++) {
            stored("harvester", BASE + "S" + i + "/MapServer");
        }
        PortalClient admin = admin();

        assertEquals(List.of(19, 20), ids(admin.get("/iportal/web/services.rjson?currentPage=3").json()));
        assertEquals(List.of(), ids(admin.get("/iportal/web/services.json?currentPage=4").json()));
    }

    @Test
    void emptyPortalHasZeroPages() {
        JsonNode page = admin().get("/iportal/web/services.json").json();

        assertEquals(0, page.path("total").asInt());
        assertEquals(0, page.path("totalPage").asInt());
    }

    @Test
    void listItemsCarryTheOriginalUrlButNoMetadata() {
        ServiceRegistration s = stored("harvester", BASE + "Elevation/MapServer", "harvested");

        JsonNode item = admin().get("/iportal/web/services.json").json().path("content").get(0);

        assertEquals(s.id(), item.path("id").asInt());
        assertEquals(BASE + "Elevation/MapServer", item.path("linkPage").asText());
        assertTrue(item.path("metadata").isNull());
        assertEquals("ARCGIS_REST", item.path("type").asText());
        assertEquals("harvester", item.path("userName").asText());
        assertEquals("harvested", item.path("tags").get(0).asText());
    }

    @Test
    void iClient912QueryWithUnquotedArraysAndEmptyScalarsFilters() {
        stored("harvester", BASE + "Elevation/MapServer", "t");
        stored("harvester", BASE + "Roads/MapServer", "t");
        stored("harvester", BASE + "Elevation2/MapServer", "other");

        JsonNode page = admin().get("/iportal/web/services.json?tags=[t]&userNames=&types=[]&checkStatus=&offline=false"
                + "&orderBy=&orderType=&keywords=[Elev]&currentPage=1&pageSize=9&isBatch=false&dirIds=[]&isNotInDir=false"
                + "&filterFields=[]&authorizedOnly=false").json();

        assertEquals(List.of(1), ids(page));
    }

    @Test
    void urlEncodedJsonArraysFilter() {
        stored("harvester", BASE + "A/MapServer", "x");
        stored("harvester", BASE + "B/MapServer", "y");

        String tags = URLEncoder.encode("[\"y\"]", StandardCharsets.UTF_8);
        assertEquals(List.of(2), ids(admin().get("/iportal/web/services.json?tags=" + tags).json()));
    }

    @Test
    void unquotedEnumArraysFilterTypes() {
        stored("harvester", BASE + "A/MapServer");
        portal.registry().add(ServiceRegistration.builder("harvester", "REALSPACE", "http://h/iserver/services/3D/rest").build());
        portal.registry().add(ServiceRegistration.builder("harvester", "WMS", "http://h/iserver/services/m/wms130").build());

        assertEquals(List.of(2, 3), ids(admin().get("/iportal/web/services.json?types=[REALSPACE,WMS]").json()));
    }

    @Test
    void keywordsApplyToTheGivenFilterFields() {
        stored("harvester", BASE + "A/MapServer");
        stored("someone", BASE + "B/MapServer");

        JsonNode page = admin().get("/iportal/web/services.json?keywords=[%22some%22]&filterFields=[%22USERNAME%22]").json();

        assertEquals(List.of(2), ids(page));
        assertEquals(List.of(), ids(admin().get("/iportal/web/services.json?keywords=[some]&filterFields=[LINKPAGE]").json()));
    }

    @Test
    void idsUserNamesAndFlagsFilter() {
        stored("harvester", BASE + "A/MapServer");
        portal.registry().add(ServiceRegistration.builder("bob", "ARCGIS_REST", BASE + "B/MapServer").batch(true, 1).build());
        portal.registry().add(ServiceRegistration.builder("bob", "ARCGIS_REST", BASE + "C/MapServer")
                .enable(false).checkStatus("UNCHECKED").dirIds(List.of(7)).build());
        PortalClient admin = admin();

        assertEquals(List.of(1, 3), ids(admin.get("/iportal/web/services.json?ids=[1,3]").json()));
        assertEquals(List.of(2, 3), ids(admin.get("/iportal/web/services.json?userNames=[bob]").json()));
        assertEquals(List.of(2), ids(admin.get("/iportal/web/services.json?isBatch=true").json()));
        assertEquals(List.of(3), ids(admin.get("/iportal/web/services.json?enable=false").json()));
        assertEquals(List.of(3), ids(admin.get("/iportal/web/services.json?checkStatus=UNCHECKED").json()));
        assertEquals(List.of(3), ids(admin.get("/iportal/web/services.json?dirIds=[7]").json()));
        assertEquals(List.of(1, 2), ids(admin.get("/iportal/web/services.json?isNotInDir=true").json()));
    }

    @Test
    void orderByUpdateTimeDescending() {
        stored("harvester", BASE + "A/MapServer");
        clock.advance(Duration.ofSeconds(1));
        stored("harvester", BASE + "B/MapServer");
        clock.advance(Duration.ofSeconds(1));
        portal.registry().update(1, b -> b);

        JsonNode page = admin().get("/iportal/web/services.json?orderBy=UPDATETIME&orderType=DESC").json();

        assertEquals(List.of(1, 2), ids(page));
        assertEquals("UPDATETIME", page.path("searchParameter").path("orderBy").asText());
    }

    @Test
    void unknownOrderByIs400() {
        PortalClient.Reply reply = admin().get("/iportal/web/services.json?orderBy=BANANA");

        assertEquals(400, reply.status());
        assertEquals(400, reply.json().path("error").path("code").asInt());
    }

    @Test
    void guestSeesOnlyPublicServicesAndUsersSeeTheirOwn() {
        stored("harvester", BASE + "Private/MapServer");
        portal.registry().add(ServiceRegistration.builder("bob", "ARCGIS_REST", BASE + "Public/MapServer")
                .authorizeSetting(List.of(ShareEntity.publicRead())).build());
        stored("bob", BASE + "BobsPrivate/MapServer");

        assertEquals(List.of(2), ids(client.get("/iportal/web/services.json").json()));
        assertEquals(List.of(1, 2), ids(as(config.user).get("/iportal/web/services.json").json()));
        assertEquals(List.of(1, 2, 3), ids(admin().get("/iportal/web/services.json").json()));
    }

    @Test
    void guestOnlyListsWhatGuestMayViewToASessionThePortalDropped() {
        config.variants.anonymousList = IPortalVariants.AnonymousList.GUEST_ONLY;
        stored("harvester", BASE + "Private/MapServer");
        portal.registry().add(ServiceRegistration.builder("harvester", "ARCGIS_REST", BASE + "Public/MapServer")
                .authorizeSetting(List.of(ShareEntity.publicRead())).build());
        PortalClient harvester = as(config.user);
        assertEquals(List.of(1, 2), ids(harvester.get("/iportal/web/services.json").json()));

        clock.advance(Duration.ofMinutes(config.sessionMinutes + 1));

        PortalClient.Reply dropped = harvester.get("/iportal/web/services.json");
        assertEquals(200, dropped.status());
        assertEquals(List.of(2), ids(dropped.json()));
        assertEquals(1, dropped.json().path("total").asInt(), "nothing tells the page from a complete one");
    }

    @Test
    void unauthorizedRefusesAListingWithoutALiveSession() {
        config.variants.anonymousList = IPortalVariants.AnonymousList.UNAUTHORIZED;
        portal.registry().add(ServiceRegistration.builder("bob", "ARCGIS_REST", BASE + "Public/MapServer")
                .authorizeSetting(List.of(ShareEntity.publicRead())).build());
        PortalClient harvester = as(config.user);
        assertEquals(List.of(1), ids(harvester.get("/iportal/web/services.json").json()));

        PortalClient.Reply anonymous = client.get("/iportal/web/services.json");
        clock.advance(Duration.ofMinutes(config.sessionMinutes + 1));
        PortalClient.Reply dropped = harvester.get("/iportal/web/services.json");

        assertEquals(401, anonymous.status());
        assertEquals(401, anonymous.json().path("error").path("code").asInt());
        assertEquals(401, dropped.status());
        assertEquals(401, client.head("/iportal/web/services.json").status());
    }

    @Test
    void headAnswersWithoutBody() {
        PortalClient.Reply reply = client.head("/iportal/web/services.json");

        assertEquals(200, reply.status());
        assertEquals("", reply.body());
    }

    @Test
    void tenThousandRegistrationsPageCompletely() {
        for (int i = 1; i <= 10_000; i++) {
            stored(i % 2 == 0 ? "harvester" : "bob", BASE + "S" + i + "/MapServer", i % 2 == 0 ? "harvested" : "manual");
        }
        PortalClient harvester = as(config.user);

        JsonNode last = harvester.get("/iportal/web/services.json?tags=[harvested]&currentPage=556").json();
        assertEquals(5_000, last.path("total").asInt());
        assertEquals(556, last.path("totalPage").asInt());
        assertEquals(List.of(9_992, 9_994, 9_996, 9_998, 10_000), ids(last));

        Set<Integer> seen = new HashSet<>();
        for (int page = 1; page <= 5; page++) {
            seen.addAll(ids(harvester.get("/iportal/web/services.json?tags=[harvested]&pageSize=1000&currentPage=" + page).json()));
        }
        assertEquals(5_000, seen.size());
    }
}
