package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceRef;
import org.giscamel.config.GisSettings;
import org.giscamel.http.Credentials;
import org.giscamel.iportal.Sharing;
import org.giscamel.ogc.OgcEndpoint;
import org.giscamel.ogc.OgcServiceType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarvestFlowSettingsTest {

    private final Map<String, String> keys = new HashMap<>(Map.of(
            "gis.arcgis.url", "https://gis.example.com/arcgis",
            "gis.arcgis.username", "siteadmin",
            "gis.arcgis.password", "secret",
            "gis.iportal.url", "http://portal.example.com:8190/iportal",
            "gis.iportal.username", "harvester",
            "gis.iportal.password", "secret"));

    @Test
    void theMainSourceReadsTheConfiguredSiteWithDefaults() {
        GisSettings settings = settings();

        HarvestSource main = HarvestFlowSettings.read(settings, true).source("main");

        assertEquals(List.of(), settings.problems());
        ArcGisCatalog site = (ArcGisCatalog) main.catalog();
        assertEquals(URI.create("https://gis.example.com/arcgis"), site.root());
        assertEquals(Optional.of(new Credentials("siteadmin", "secret")), site.credentials());
        assertEquals("gis-harvest-main", main.marker());
        assertEquals(List.of("arcgis"), main.tags());
        assertEquals(Sharing.PUBLIC, main.sharing());
        assertTrue(site.filter().accepts(new ServiceRef("Basemaps/Streets", "VectorTileServer")));
        assertFalse(site.filter().accepts(new ServiceRef("Demo/BufferPoints", "GPServer")));
        assertFalse(site.filter().mayTakeFrom("Utilities"), "ArcGIS's system folders are left out");
    }

    @Test
    void aSourceKeyWinsOverTheSharedOneAndASecondSiteNeedsNoCredentials() {
        keys.put("gis.harvest.sources", "main, other");
        keys.put("gis.harvest.tags", "arcgis,gis");
        keys.put("gis.harvest.source.other.arcgis-url", "https://other.example.com/server");
        keys.put("gis.harvest.source.other.authorize-setting", "private");
        keys.put("gis.harvest.source.other.types", "ImageServer");
        GisSettings settings = settings();

        HarvestFlowSettings config = HarvestFlowSettings.read(settings, true);

        assertEquals(List.of(), settings.problems());
        HarvestSource other = config.source("other");
        ArcGisCatalog site = (ArcGisCatalog) other.catalog();
        assertEquals(URI.create("https://other.example.com/server"), site.root());
        assertEquals(Optional.empty(), site.credentials());
        assertEquals(List.of("arcgis", "gis"), other.tags());
        assertEquals(Sharing.PRIVATE, other.sharing());
        assertEquals("gis-harvest-other", other.marker());
        assertFalse(site.filter().accepts(new ServiceRef("Streets", "MapServer")));
        assertEquals(Sharing.PUBLIC, config.source("main").sharing());
    }

    @Test
    void anOgcSourceReadsItsCapabilitiesUrlsAndIsTaggedWithItsKind() {
        keys.put("gis.harvest.sources", "main,maps");
        keys.put("gis.harvest.source.maps.kind", "ogc");
        keys.put("gis.harvest.source.maps.capabilities-urls",
                "https://maps.example.com/ows?service=WMS&request=GetCapabilities&version=1.3.0, "
                        + "https://maps.example.com/ows?SERVICE=WFS&AcceptVersions=2.0.0,1.1.0,"
                        + "https://maps.example.com/wmts/1.0.0/WMTSCapabilities.xml");
        GisSettings settings = settings();

        HarvestSource maps = HarvestFlowSettings.read(settings, true).source("maps");

        assertEquals(List.of(), settings.problems());
        assertEquals("ogc", maps.catalog().kind());
        assertEquals(List.of("ogc"), maps.tags());
        assertEquals("gis-harvest-maps", maps.marker());
        List<OgcEndpoint> endpoints = ((OgcCatalog) maps.catalog()).endpoints();
        assertEquals(List.of(OgcServiceType.WMS, OgcServiceType.WFS, OgcServiceType.WMTS),
                endpoints.stream().map(OgcEndpoint::type).toList());
        assertEquals(URI.create("https://maps.example.com/ows?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=2.0.0"),
                endpoints.get(1).capabilitiesUrl(), "a comma inside a URL stays in it");
    }

    @Test
    void twoVersionsOfOneOgcServiceAreOneServiceReadAtTheFirst() {
        keys.put("gis.harvest.sources", "maps");
        keys.put("gis.harvest.source.maps.kind", "ogc");
        keys.put("gis.harvest.source.maps.capabilities-urls",
                "https://maps.example.com/ows?SERVICE=WMS&VERSION=1.3.0,https://maps.example.com/ows?SERVICE=WMS&VERSION=1.1.1");
        GisSettings settings = settings();

        List<OgcEndpoint> endpoints = ((OgcCatalog) HarvestFlowSettings.read(settings, true).source("maps").catalog())
                .endpoints();

        assertEquals(List.of(URI.create("https://maps.example.com/ows?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")),
                endpoints.stream().map(OgcEndpoint::capabilitiesUrl).toList());
    }

    @Test
    void ogcCapabilitiesUrlsThatCannotBeReadNameTheirKey() {
        keys.put("gis.harvest.sources", "maps,empty");
        keys.put("gis.harvest.source.maps.kind", "ogc");
        keys.put("gis.harvest.source.maps.capabilities-urls", "https://maps.example.com/ows?SERVICE=WPS,"
                + "https://user:pa55@maps.example.com/ows?SERVICE=WMS");
        keys.put("gis.harvest.source.empty.kind", "OGC");
        GisSettings settings = settings();

        HarvestFlowSettings.read(settings, true);

        String problems = String.join("\n", settings.problems());
        assertEquals(3, settings.problems().size(), problems);
        assertTrue(problems.contains("gis.harvest.source.maps.capabilities-urls holds "
                + "'https://maps.example.com/ows?SERVICE=WPS': the capabilities URL must name SERVICE=WMS"), problems);
        assertTrue(problems.contains("gis.harvest.source.maps.capabilities-urls holds a URL with credentials"), problems);
        assertFalse(problems.contains("pa55"), "no secret in a problem");
        assertTrue(problems.contains("Harvest source empty is of kind ogc but gis.harvest.source.empty.capabilities-urls"
                + " lists no GetCapabilities URL"), problems);
    }

    @Test
    void twoSourcesWithOneMarkerAreRefused() {
        keys.put("gis.harvest.sources", "main,copy");
        keys.put("gis.harvest.source.copy.marker", "gis-harvest-main");
        GisSettings settings = settings();

        HarvestFlowSettings.read(settings, true);

        assertEquals(1, settings.problems().size(), settings.problems().toString());
        assertTrue(settings.problems().get(0).contains("same marker tag 'gis-harvest-main'"));
    }

    @Test
    void aMissingPortalIsAProblemOnlyWhenHarvestsMustRun() {
        keys.remove("gis.iportal.url");

        GisSettings scheduled = settings();
        HarvestFlowSettings.read(scheduled, true);
        GisSettings idle = settings();
        HarvestFlowSettings.read(idle, false);

        assertTrue(scheduled.problems().get(0).contains("gis.iportal.url is required"), scheduled.problems().toString());
        assertTrue(scheduled.problems().get(0).contains("gis.harvest.enabled=false"));
        assertEquals(List.of(), idle.problems());
    }

    @Test
    void wrongValuesNameTheirKeys() {
        keys.put("gis.harvest.sources", "main,bad id");
        keys.put("gis.harvest.delete-guard-percent", "120");
        keys.put("gis.harvest.authorize-setting", "everyone");
        keys.put("gis.harvest.source.main.kind", "wms");
        GisSettings settings = settings();

        HarvestFlowSettings.read(settings, true);

        String problems = String.join("\n", settings.problems());
        assertTrue(problems.contains("gis.harvest.sources holds 'bad id'"), problems);
        assertTrue(problems.contains("gis.harvest.delete-guard-percent must be between 0 and 100"), problems);
        assertTrue(problems.contains("gis.harvest.authorize-setting must be one of public, private"), problems);
        assertTrue(problems.contains("gis.harvest.source.main.kind must be one of arcgis, ogc"), problems);
    }

    private GisSettings settings() {
        return new GisSettings(key -> Optional.ofNullable(keys.get(key)));
    }
}
