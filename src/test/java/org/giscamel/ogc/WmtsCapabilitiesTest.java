package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WmtsCapabilitiesTest {

    @Test
    void readsWmtsServiceIdentificationOverAllKeywordGroups() {
        OgcCapabilities caps = OgcFixtures.parse("wmts-1.0.0.xml");

        assertEquals(OgcServiceType.WMTS, caps.type());
        assertEquals("1.0.0", caps.version());
        assertEquals("Basemap tiles", caps.title());
        assertEquals("Cached basemap in Web Mercator and WGS84.", caps.abstractText());
        assertEquals(List.of("basemap", "tiles", "WMTS"), caps.keywords());
    }

    @Test
    void wmtsLayerTakesIdentifierTitleAndWgs84Box() {
        OgcCapabilities caps = OgcFixtures.parse("wmts-1.0.0.xml");

        assertEquals(List.of("osm", "hillshade"), caps.layers().stream().map(OgcLayer::name).toList());
        OgcLayer hillshade = caps.layer("hillshade").orElseThrow();
        assertEquals("Hillshade", hillshade.title());
        assertEquals(Optional.of(new LonLatBox(5.5, 45.5, 10.5, 48)), hillshade.bbox());
        assertEquals(Optional.of(new LonLatBox(-180, -85.0511287798, 180, 85.0511287798)), caps.bbox());
    }

    @Test
    void wmtsLayerCrsComesFromItsLinkedTileMatrixSets() {
        OgcCapabilities caps = OgcFixtures.parse("wmts-1.0.0.xml");

        assertEquals(List.of("urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:OGC:1.3:CRS84"),
                caps.layer("osm").orElseThrow().crs());
        assertEquals(List.of("urn:ogc:def:crs:EPSG::3857"), caps.layer("hillshade").orElseThrow().crs());
    }

    @Test
    void readsWmtsByNamespaceWhateverTheirPrefix() {
        OgcCapabilities caps = OgcFixtures.parse("wmts-1.0.0-prefixed.xml");

        assertEquals("Orthophotos 2024", caps.title());
        OgcLayer ortho = caps.layer("ortho2024").orElseThrow();
        assertEquals("Orthophoto 20 cm", ortho.title());
        assertEquals(Optional.of(new LonLatBox(8.4, 47.3, 8.6, 47.45)), ortho.bbox());
        assertEquals(List.of("urn:ogc:def:crs:EPSG::2056"), ortho.crs());
    }
}
