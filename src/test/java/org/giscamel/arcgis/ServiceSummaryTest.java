package org.giscamel.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.geo.LonLatBox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Summaries of service metadata shaped like the REST reference examples (arcgis-rest.md §4.4). */
class ServiceSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAMapServiceAsTheReferenceExampleShowsIt() throws Exception {
        JsonNode json = JSON.readTree("""
                {"currentVersion":11.1,"serviceDescription":"Test Map Service Description","mapName":"Street Map Pro Data",
                 "description":"Street Map USA","copyrightText":"ESRI","spatialReference":{"wkid":4326},
                 "fullExtent":{"xmin":-130,"ymin":24,"xmax":-65,"ymax":50,"spatialReference":{"wkid":4326}},
                 "documentInfo":{"Title":"StreetMap USA.mxd","Author":"ESRI Data Team"},
                 "capabilities":"Map,Query,Data"}""");

        ServiceSummary summary = ServiceSummary.of("http://gis/arcgis/rest/services/Street/MapServer",
                new ServiceRef("Street", "MapServer"), json);

        assertEquals("StreetMap USA.mxd", summary.title());
        assertEquals("Street Map USA", summary.description());
        assertEquals("ESRI", summary.copyright());
        assertEquals(Optional.of(4326), summary.wkid());
        assertEquals(Optional.of(new LonLatBox(-130, 24, -65, 50)), summary.box());
        assertEquals(List.of("Map", "Query", "Data"), summary.capabilities());
        assertEquals(List.of("Street Map Pro Data"), summary.mapNames());
    }

    @Test
    void fallsBackToTheServiceDescriptionAndTheShortName() throws Exception {
        JsonNode json = JSON.readTree("{\"serviceDescription\":\"Elevation\",\"description\":\"\",\"capabilities\":\"\"}");

        ServiceSummary summary = ServiceSummary.of("u", new ServiceRef("Basemaps/Elevation", "ImageServer"), json);

        assertEquals("Elevation", summary.title());
        assertEquals("Elevation", summary.description());
        assertEquals(List.of(), summary.capabilities());
        assertEquals(List.of(), summary.mapNames(), "map names belong to map services");
        assertEquals(Optional.empty(), summary.box());
    }

    @Test
    void unprojectsAWebMercatorExtentAndPrefersLatestWkid() throws Exception {
        JsonNode json = JSON.readTree("""
                {"spatialReference":{"wkid":102100,"latestWkid":3857},
                 "fullExtent":{"xmin":-20037508.34,"ymin":-20037508.34,"xmax":20037508.34,"ymax":20037508.34,
                               "spatialReference":{"wkid":102100,"latestWkid":3857}}}""");

        ServiceSummary summary = ServiceSummary.of("u", new ServiceRef("World", "MapServer"), json);

        assertEquals(Optional.of(3857), summary.wkid());
        LonLatBox box = summary.box().orElseThrow();
        assertEquals(-180, box.west(), 1e-6);
        assertEquals(180, box.east(), 1e-6);
        assertEquals(-85.051129, box.south(), 1e-6);
        assertEquals(85.051129, box.north(), 1e-6);
    }

    @Test
    void anExtentInAnotherProjectionGivesNoBox() throws Exception {
        JsonNode json = JSON.readTree("""
                {"extent":{"xmin":400000,"ymin":5000000,"xmax":500000,"ymax":5100000,"spatialReference":{"wkid":32633}}}""");

        assertTrue(ServiceSummary.of("u", new ServiceRef("Utm", "ImageServer"), json).box().isEmpty());
    }
}
