package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.giscamel.emulator.arcgis.ArcGisClient.form;
import static org.giscamel.emulator.arcgis.ArcGisClient.get;
import static org.giscamel.emulator.arcgis.ArcGisClient.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicesDirectoryApiTest {

    private ArcGisEmulator arcgis;
    private String services;

    @BeforeEach
    void start() throws IOException {
        arcgis = ArcGisTestSupport.start();
        services = arcgis.siteUrl() + "/rest/services";
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    private JsonNode json(String path) {
        return get(services + path + (path.contains("?") ? "&" : "?") + "f=json").json();
    }

    private static List<String> names(JsonNode listing) {
        List<String> names = new ArrayList<>();
        listing.path("services").forEach(s -> names.add(s.path("name").asText() + "/" + s.path("type").asText()));
        return names;
    }

    @Test
    void rootListsFoldersAndRootServices() {
        JsonNode root = json("");

        assertTrue(root.path("currentVersion").isNumber());
        assertEquals("[\"Basemaps\",\"Demo\",\"Secured\",\"Utilities\"]", root.path("folders").toString());
        assertEquals(List.of("SampleWorldCities/MapServer", "Hydrography/MapServer", "Hydrography/FeatureServer"), names(root));
    }

    @Test
    void rootAnswersPostAndATrailingSlash() {
        JsonNode byPost = post(services + "/", form("f", "json")).json();

        assertEquals(json(""), byPost);
    }

    @Test
    void folderServiceNamesCarryTheFolderPrefix() {
        JsonNode folder = json("/Utilities");

        assertEquals(0, folder.path("folders").size());
        assertEquals(List.of("Utilities/Geometry/GeometryServer"), names(folder));
    }

    @Test
    void mapServiceMetadataHasTheRealisticFields() {
        JsonNode map = json("/Hydrography/MapServer");

        assertTrue(map.path("currentVersion").isNumber());
        for (String field : new String[]{"serviceDescription", "description", "copyrightText", "mapName", "layers",
                "spatialReference", "initialExtent", "fullExtent", "documentInfo", "supportedExtensions"}) {
            assertTrue(map.has(field), field);
        }
        assertEquals("Map,Query,Data", map.path("capabilities").asText());
        assertTrue(map.path("documentInfo").has("Title"));
        assertEquals(3857, map.path("spatialReference").path("latestWkid").asInt());
        assertEquals("FeatureServer", map.path("supportedExtensions").asText());
        assertEquals("", json("/SampleWorldCities/MapServer").path("supportedExtensions").asText());
    }

    @Test
    void otherTypesHaveMetadataToo() {
        assertEquals("Query", json("/Hydrography/FeatureServer").path("capabilities").asText());
        assertTrue(json("/Basemaps/Elevation/ImageServer").has("pixelType"));
        assertTrue(json("/Utilities/Geometry/GeometryServer").has("serviceDescription"));
    }

    @Test
    void layerMetadataComesFromTheServiceLayers() {
        JsonNode layer = json("/Basemaps/Streets/MapServer/1");

        assertEquals(1, layer.path("id").asInt());
        assertEquals("esriGeometryPolygon", layer.path("geometryType").asText());
        assertTrue(layer.path("fields").size() > 0);
        assertEquals("Invalid URL", json("/Basemaps/Streets/MapServer/7").path("error").path("message").asText());
    }

    @Test
    void aMissingServiceIs404WithHttp200AndTheRealTrailingSpace() {
        ArcGisClient.Reply reply = get(services + "/Basemaps/Nope/MapServer?f=json");

        assertEquals(200, reply.status());
        assertEquals("{\"error\":{\"code\":404,\"message\":\"Service Basemaps/Nope/MapServer not found \",\"details\":[]}}",
                reply.body());
    }

    @Test
    void aMissingFeatureServiceIsNamedAsAMapServerLikeRealServersDo() {
        JsonNode error = json("/Basemaps/Nope/FeatureServer").path("error");

        assertEquals("Service Basemaps/Nope/MapServer not found ", error.path("message").asText());
    }

    @Test
    void aMissingRootServiceAndAnUnknownFolderAre404() {
        assertEquals("Service Nope/MapServer not found ", json("/Nope/MapServer").path("error").path("message").asText());
        assertEquals("Service Gone/Nope/MapServer not found ", json("/Gone/Nope/MapServer").path("error").path("message").asText());
        assertEquals(404, json("/NoSuchFolder").path("error").path("code").asInt());
    }

    @Test
    void theSecuredFolderWithoutTokenAnswers499WithHttp200() {
        ArcGisClient.Reply reply = get(services + "/Secured?f=json");

        assertEquals(200, reply.status());
        JsonNode error = reply.json().path("error");
        assertEquals(499, error.path("code").asInt());
        assertEquals("Token Required", error.path("message").asText());
        assertEquals("GWM_0003", error.path("messageCode").asText());
        assertEquals(499, json("/Secured/Parcels/MapServer").path("error").path("code").asInt());
        assertEquals(499, json("/Secured/Nope/MapServer").path("error").path("code").asInt());
    }

    @Test
    void theSecuredFolderWithAnUnknownOrExpiredTokenAnswers498() {
        String expired = arcgis.tokens().issueForMillis(ArcGisTestSupport.USER, 0).value();

        assertEquals(498, json("/Secured?token=unknown").path("error").path("code").asInt());
        assertEquals(498, json("/Secured/Parcels/FeatureServer?token=" + expired).path("error").path("code").asInt());
    }

    @Test
    void theSecuredFolderWithAValidTokenLists() {
        String token = ArcGisTestSupport.servicesToken(arcgis);

        assertEquals(List.of("Secured/Parcels/MapServer", "Secured/Parcels/FeatureServer"), names(json("/Secured?token=" + token)));
        JsonNode byHeader = get(services + "/Secured/Parcels/MapServer?f=json", "X-Esri-Authorization", "Bearer " + token).json();
        assertTrue(byHeader.has("layers"), byHeader.toString());
    }

    @Test
    void theCatalogChangesAtRunTime() {
        arcgis.catalog().add("Basemaps/Topo", "VectorTileServer");
        arcgis.catalog().remove("Basemaps/Streets", "MapServer");
        arcgis.catalog().rename("Hydrography", "Water/Hydrography");

        assertEquals(List.of("Basemaps/Elevation/ImageServer", "Basemaps/Topo/VectorTileServer"), names(json("/Basemaps")));
        assertEquals(List.of("Water/Hydrography/MapServer", "Water/Hydrography/FeatureServer"), names(json("/Water")));
        assertEquals(List.of("SampleWorldCities/MapServer"), names(json("")));
        assertTrue(json("/Basemaps/Topo/VectorTileServer").has("currentVersion"));
    }

    @Test
    void anEntryCanSupplyItsOwnMetadata() {
        arcgis.catalog().add("Elev", "GPServer", () -> Json.object().put("executionType", "esriExecutionTypeAsynchronous"));

        assertEquals("esriExecutionTypeAsynchronous", json("/Elev/GPServer").path("executionType").asText());
    }

    @Test
    void theControlApiAddsRenamesAndRemovesServices() {
        String control = arcgis.siteUrl().replace("/arcgis", "") + "/__emulator/catalog";

        post(control, form("action", "add", "name", "Imagery/Landsat", "type", "ImageServer"));
        assertEquals(List.of("Imagery/Landsat/ImageServer"), names(json("/Imagery")));
        post(control, form("action", "rename", "name", "Imagery/Landsat", "newName", "Imagery/Sentinel"));
        assertEquals(List.of("Imagery/Sentinel/ImageServer"), names(json("/Imagery")));
        JsonNode removed = post(control, form("action", "remove", "name", "Imagery/Sentinel", "type", "ImageServer")).json();
        assertEquals("success", removed.path("status").asText());
        assertEquals(List.of(), names(json("/Imagery")));
        assertEquals(arcgis.catalog().size(), get(control).json().path("size").asInt());
    }

    @Test
    void theControlApiRefusesBadInput() {
        String control = arcgis.siteUrl().replace("/arcgis", "") + "/__emulator/catalog";

        JsonNode duplicate = post(control, form("action", "add", "name", "Hydrography", "type", "MapServer")).json();
        JsonNode badName = post(control, form("action", "add", "name", "a/b/c", "type", "MapServer")).json();

        assertEquals(400, duplicate.path("error").path("code").asInt());
        assertEquals(400, badName.path("error").path("code").asInt());
    }

    @Test
    void tenThousandServicesInAHundredFoldersListCompletely() {
        arcgis.catalog().generate(10_000, 100);

        JsonNode root = json("");
        List<String> loadFolders = new ArrayList<>();
        root.path("folders").forEach(f -> {
            if (f.asText().startsWith("LoadTest")) {
                loadFolders.add(f.asText());
            }
        });
        assertEquals(100, loadFolders.size());
        Set<String> seen = new HashSet<>();
        for (String folder : loadFolders) {
            JsonNode listing = json("/" + folder);
            assertEquals(100, listing.path("services").size(), folder);
            listing.path("services").forEach(s -> assertTrue(s.path("name").asText().startsWith(folder + "/")));
            seen.addAll(names(listing));
        }
        assertEquals(10_000, seen.size());
        String anyService = seen.iterator().next();
        JsonNode metadata = json("/" + anyService);
        assertFalse(metadata.has("error"), metadata.toString());
    }
}
