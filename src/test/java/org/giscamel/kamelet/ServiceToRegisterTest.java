package org.giscamel.kamelet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.iportal.ServiceMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceToRegisterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anArcGisServiceTypeOrNoneRegistersAsArcGisRestAndAPortalTypeStaysAsItIs() {
        assertEquals("ARCGIS_REST", ServiceToRegister.portalType("MapServer"));
        assertEquals("ARCGIS_REST", ServiceToRegister.portalType("GPServer"));
        assertEquals("ARCGIS_REST", ServiceToRegister.portalType(""));
        assertEquals("WMS", ServiceToRegister.portalType("wms"));
        assertEquals("SUPERMAP_REST", ServiceToRegister.portalType("SUPERMAP_REST"));
    }

    @Test
    void aCatalogSourceMessageReadsAsItIs() throws Exception {
        ServiceToRegister service = ServiceToRegister.parse(JSON.readTree("""
                {"name": "Basemaps/Streets", "type": "MapServer", "folder": "Basemaps",
                 "url": "https://gis.example.com/arcgis/rest/services/Basemaps/Streets/MapServer",
                 "title": "Streets", "description": "City streets", "copyright": "City", "wkid": 3857,
                 "extent": {"west": -118.0, "south": 33.0, "east": -117.0, "north": 34.0}}
                """));

        assertEquals("https://gis.example.com/arcgis/rest/services/Basemaps/Streets/MapServer", service.linkage());
        assertEquals("ARCGIS_REST", service.portalType());
        ServiceMetadata metadata = service.metadata();
        assertEquals("Streets", metadata.title());
        assertEquals("City streets", metadata.abstractText());
        assertEquals(Optional.of(3857), metadata.wkid());
        assertEquals(Optional.of(new ServiceMetadata.Box(-118.0, -117.0, 33.0, 34.0)), metadata.box());
        assertEquals(List.of(), service.tags());
    }

    @Test
    void anExtentWithoutAllFourSidesIsRefusedNamingTheService() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServiceToRegister.parse(
                JSON.readTree("{\"linkage\": \"https://x.example.com/wms\", \"title\": \"X\", \"extent\": {\"west\": 1}}")));

        assertTrue(e.getMessage().contains("https://x.example.com/wms"), e.getMessage());
    }
}
