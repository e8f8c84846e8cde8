package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WcsCapabilitiesTest {

    @Test
    void readsMapServerWcs201CoverageIdsWithoutTitleOrBox() {
        OgcCapabilities caps = OgcFixtures.parse("wcs-2.0.1-mapserver.xml");

        assertEquals(OgcServiceType.WCS, caps.type());
        assertEquals("2.0.1", caps.version());
        assertEquals("GIS Camel test map", caps.title());
        assertEquals(List.of(new OgcLayer("dem", "dem", Optional.empty(), List.of())), caps.layers());
        assertEquals(Optional.empty(), caps.bbox());
    }

    @Test
    void readsWcs201SummaryTitleBoxAndNativeCrsWhateverTheOwsPrefix() {
        OgcCapabilities caps = OgcFixtures.parse("wcs-2.0.1-described.xml");

        assertEquals("Elevation coverages", caps.title());
        assertEquals(List.of("DTM"), caps.keywords());
        assertEquals(new OgcLayer("dtm__1m", "DTM 1 m", Optional.of(new LonLatBox(11.0, 46.5, 12.5, 47.25)),
                List.of("http://www.opengis.net/def/crs/EPSG/0/25832")), caps.layer("dtm__1m").orElseThrow());
        assertEquals("slope", caps.layer("slope").orElseThrow().title());
    }

    @Test
    void readsWcs111SummaryIdentifierAndSupportedCrs() {
        OgcCapabilities caps = OgcFixtures.parse("wcs-1.1.1-mapserver.xml");

        assertEquals("1.1.1", caps.version());
        assertEquals(List.of(new OgcLayer("dem", "Elevation", Optional.of(new LonLatBox(-10, -10, 10, 10)),
                List.of("urn:ogc:def:crs:EPSG::4326"))), caps.layers());
    }

    @Test
    void readsWcs100OfferingBriefAndFallsBackToServiceName() {
        OgcCapabilities caps = OgcFixtures.parse("wcs-1.0.0-mapserver.xml");

        assertEquals("1.0.0", caps.version());
        assertEquals("MapServer WCS", caps.title());
        assertEquals(List.of("test", "camel"), caps.keywords());
        assertEquals(List.of(new OgcLayer("dem", "Elevation", Optional.of(new LonLatBox(-10, -10, 10, 10)),
                List.of())), caps.layers());
    }
}
