package org.giscamel.arcgis.geometry;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.giscamel.arcgis.geometry.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EsriFeatureSetsTest {

    @Test
    void recognisesEsriFormByGeometryTypeGeometriesOrBareAttributes() {
        assertTrue(EsriFeatureSets.looksLikeFeatureSet(json("{'geometryType':'esriGeometryPoint','features':[]}")));
        assertTrue(EsriFeatureSets.looksLikeFeatureSet(json("{'features':[{'geometry':{'x':1,'y':2}}]}")));
        assertTrue(EsriFeatureSets.looksLikeFeatureSet(json("{'features':[{'geometry':{'rings':[]}}]}")));
        assertTrue(EsriFeatureSets.looksLikeFeatureSet(json("{'features':[{'attributes':{'a':1}}]}")));
    }

    @Test
    void geoJsonIsNotMistakenForEsri() {
        assertFalse(EsriFeatureSets.looksLikeFeatureSet(json("{'type':'FeatureCollection','features':["
                + "{'type':'Feature','geometry':{'type':'Point','coordinates':[1,2]},'properties':{}}]}")));
        assertFalse(EsriFeatureSets.looksLikeFeatureSet(json("[]")));
    }

    @Test
    void theDeclaredGeometryTypeWins() {
        assertEquals(Optional.of(EsriGeometryType.POLYGON), EsriFeatureSets.geometryTypeOf(
                json("{'geometryType':'esriGeometryPolygon','features':[]}")));
    }

    @Test
    void anOmittedGeometryTypeIsTakenFromTheGeometries() {
        assertEquals(Optional.of(EsriGeometryType.POLYLINE), EsriFeatureSets.geometryTypeOf(
                json("{'features':[{'attributes':{}},{'geometry':{'paths':[[[0,0],[1,1]]]}}]}")));
    }

    @Test
    void aTableHasNoGeometryType() {
        assertEquals(Optional.empty(), EsriFeatureSets.geometryTypeOf(json("{'features':[{'attributes':{'a':1}}]}")));
    }

    @Test
    void aGeometryOfAnotherTypeIsAnError() {
        GeometryFormatException e = assertThrows(GeometryFormatException.class, () -> EsriFeatureSets.geometryTypeOf(
                json("{'geometryType':'esriGeometryPoint','features':[{'geometry':{'x':1,'y':2}},"
                        + "{'geometry':{'rings':[]}}]}")));

        assertEquals("feature 2: esriGeometryPolygon in a feature set of esriGeometryPoint", e.getMessage());
    }

    @Test
    void anUnknownGeometryTypeIsAnError() {
        GeometryFormatException e = assertThrows(GeometryFormatException.class, () -> EsriFeatureSets.geometryTypeOf(
                json("{'geometryType':'esriGeometryEnvelope','features':[]}")));

        assertEquals("unknown geometryType 'esriGeometryEnvelope'", e.getMessage());
    }

    @Test
    void aGeometryNotInEsriFormIsAnError() {
        GeometryFormatException e = assertThrows(GeometryFormatException.class, () -> EsriFeatureSets.geometryTypeOf(
                json("{'geometryType':'esriGeometryPoint','features':[{'geometry':{'type':'Point'}}]}")));

        assertEquals("feature 1: geometry is not in Esri form (x/y, points, paths or rings)", e.getMessage());
    }

    @Test
    void aSetWithoutFeaturesArrayIsAnError() {
        GeometryFormatException e = assertThrows(GeometryFormatException.class, () -> EsriFeatureSets.geometryTypeOf(
                json("{'geometryType':'esriGeometryPoint'}")));

        assertEquals("an Esri feature set needs a 'features' array", e.getMessage());
    }
}
