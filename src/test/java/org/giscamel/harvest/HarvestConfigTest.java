package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceRef;
import org.giscamel.config.GisSettings;
import org.giscamel.http.Credentials;
import org.giscamel.iportal.Sharing;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarvestConfigTest {

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

        HarvestSource main = HarvestConfig.read(settings, true).source("main");

        assertEquals(List.of(), settings.problems());
        assertEquals(URI.create("https://gis.example.com/arcgis"), main.arcgisRoot());
        assertEquals(Optional.of(new Credentials("siteadmin", "secret")), main.arcgisCredentials());
        assertEquals("gis-harvest-main", main.marker());
        assertEquals(List.of("arcgis"), main.tags());
        assertEquals(Sharing.PUBLIC, main.sharing());
        assertTrue(main.filter().accepts(new ServiceRef("Basemaps/Streets", "VectorTileServer")));
        assertFalse(main.filter().accepts(new ServiceRef("Demo/BufferPoints", "GPServer")));
        assertFalse(main.filter().mayTakeFrom("Utilities"), "ArcGIS's system folders are left out");
    }

    @Test
    void aSourceKeyWinsOverTheSharedOneAndASecondSiteNeedsNoCredentials() {
        keys.put("gis.harvest.sources", "main, other");
        keys.put("gis.harvest.tags", "arcgis,gis");
        keys.put("gis.harvest.source.other.arcgis-url", "https://other.example.com/server");
        keys.put("gis.harvest.source.other.authorize-setting", "private");
        keys.put("gis.harvest.source.other.types", "ImageServer");
        GisSettings settings = settings();

        HarvestConfig config = HarvestConfig.read(settings, true);

        assertEquals(List.of(), settings.problems());
        HarvestSource other = config.source("other");
        assertEquals(URI.create("https://other.example.com/server"), other.arcgisRoot());
        assertEquals(Optional.empty(), other.arcgisCredentials());
        assertEquals(List.of("arcgis", "gis"), other.tags());
        assertEquals(Sharing.PRIVATE, other.sharing());
        assertEquals("gis-harvest-other", other.marker());
        assertFalse(other.filter().accepts(new ServiceRef("Streets", "MapServer")));
        assertEquals(Sharing.PUBLIC, config.source("main").sharing());
    }

    @Test
    void twoSourcesWithOneMarkerAreRefused() {
        keys.put("gis.harvest.sources", "main,copy");
        keys.put("gis.harvest.source.copy.marker", "gis-harvest-main");
        GisSettings settings = settings();

        HarvestConfig.read(settings, true);

        assertEquals(1, settings.problems().size(), settings.problems().toString());
        assertTrue(settings.problems().get(0).contains("same marker tag 'gis-harvest-main'"));
    }

    @Test
    void aMissingPortalIsAProblemOnlyWhenHarvestsMustRun() {
        keys.remove("gis.iportal.url");

        GisSettings scheduled = settings();
        HarvestConfig.read(scheduled, true);
        GisSettings idle = settings();
        HarvestConfig.read(idle, false);

        assertTrue(scheduled.problems().get(0).contains("gis.iportal.url is required"), scheduled.problems().toString());
        assertTrue(scheduled.problems().get(0).contains("gis.harvest.enabled=false"));
        assertEquals(List.of(), idle.problems());
    }

    @Test
    void wrongValuesNameTheirKeys() {
        keys.put("gis.harvest.sources", "main,bad id");
        keys.put("gis.harvest.delete-guard-percent", "120");
        keys.put("gis.harvest.authorize-setting", "everyone");
        GisSettings settings = settings();

        HarvestConfig.read(settings, true);

        String problems = String.join("\n", settings.problems());
        assertTrue(problems.contains("gis.harvest.sources holds 'bad id'"), problems);
        assertTrue(problems.contains("gis.harvest.delete-guard-percent must be between 0 and 100"), problems);
        assertTrue(problems.contains("gis.harvest.authorize-setting must be one of public, private"), problems);
    }

    private GisSettings settings() {
        return new GisSettings(key -> Optional.ofNullable(keys.get(key)));
    }
}
