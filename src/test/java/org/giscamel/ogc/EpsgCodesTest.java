package org.giscamel.ogc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EpsgCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:3857", "epsg:3857", "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG:6.18:3857",
            "urn:x-ogc:def:crs:EPSG:3857", "http://www.opengis.net/def/crs/EPSG/0/3857",
            "https://www.opengis.net/def/crs/EPSG/0/3857", "http://www.opengis.net/gml/srs/epsg.xml#3857", " EPSG:3857 "})
    void everySpellingOfAnEpsgCodeGivesTheCode(String crs) {
        assertEquals(Optional.of(3857), EpsgCodes.of(crs));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRS:84", "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84"})
    void wgs84LongitudeLatitudeIs4326(String crs) {
        assertEquals(Optional.of(4326), EpsgCodes.of(crs));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUTO:42001", "ESRI:102100", "EPSG:", "EPSG:abc", "urn:ogc:def:crs:EPSG::3857x", ""})
    void namesOutsideEpsgGiveNone(String crs) {
        assertEquals(Optional.empty(), EpsgCodes.of(crs));
    }

    @Test
    void theFirstNameWithACodeWins() {
        assertEquals(Optional.of(3857), EpsgCodes.first(List.of("AUTO:42001", "EPSG:3857", "EPSG:4326")));
        assertEquals(Optional.empty(), EpsgCodes.first(List.of("AUTO:42001")));
    }
}
