package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.giscamel.arcgis.geometry.TestJson.json;
import static org.giscamel.arcgis.geometry.TestJson.signedArea;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoJsonToEsriTest {

    private final GeoJsonToEsri converter = new GeoJsonToEsri(4326);

    /** RFC 7946 orientation: exterior counter-clockwise, hole clockwise. */
    private static final String SQUARE_WITH_HOLE = "[[[0.5,0.5],[10.5,0.5],[10.5,10.5],[0.5,10.5],[0.5,0.5]],"
            + "[[2.5,2.5],[2.5,4.5],[4.5,4.5],[4.5,2.5],[2.5,2.5]]]";

    private static JsonNode collection(String... geometries) {
        StringBuilder features = new StringBuilder();
        for (String g : geometries) {
            features.append(features.length() == 0 ? "" : ",")
                    .append("{'type':'Feature','properties':{},'geometry':").append(g).append("}");
        }
        return json("{'type':'FeatureCollection','features':[" + features + "]}");
    }

    private ObjectNode convert(String... geometries) {
        return converter.convert(collection(geometries));
    }

    private GeometryFormatException failure(JsonNode geoJson) {
        return assertThrows(GeometryFormatException.class, () -> converter.convert(geoJson));
    }

    @Test
    void pointsBecomeEsriPointsInTheDefaultSpatialReference() {
        ObjectNode set = convert("{'type':'Point','coordinates':[8.5,47.25]}");

        assertEquals("esriGeometryPoint", set.get("geometryType").asText());
        assertEquals(json("{'x':8.5,'y':47.25}"), set.at("/features/0/geometry"));
        assertEquals(json("{'wkid':4326}"), set.get("spatialReference"));
        assertFalse(set.has("hasZ"));
    }

    @Test
    void multiPointBecomesPoints() {
        ObjectNode set = convert("{'type':'MultiPoint','coordinates':[[1.5,2.5],[3.5,4.5]]}");

        assertEquals("esriGeometryMultipoint", set.get("geometryType").asText());
        assertEquals(json("{'points':[[1.5,2.5],[3.5,4.5]]}"), set.at("/features/0/geometry"));
    }

    @Test
    void lineStringAndMultiLineStringBecomePathsOfOnePolylineType() {
        ObjectNode set = convert("{'type':'LineString','coordinates':[[0.5,0.5],[1.5,1.5]]}",
                "{'type':'MultiLineString','coordinates':[[[0.5,0.5],[1.5,1.5]],[[2.5,2.5],[3.5,3.5]]]}");

        assertEquals("esriGeometryPolyline", set.get("geometryType").asText());
        assertEquals(json("{'paths':[[[0.5,0.5],[1.5,1.5]]]}"), set.at("/features/0/geometry"));
        assertEquals(2, set.at("/features/1/geometry/paths").size());
    }

    @Test
    void polygonRingsAreTurnedToEsriOrientationWithTheHoleKept() {
        ObjectNode set = convert("{'type':'Polygon','coordinates':" + SQUARE_WITH_HOLE + "}");

        JsonNode rings = set.at("/features/0/geometry/rings");
        assertEquals("esriGeometryPolygon", set.get("geometryType").asText());
        assertEquals(2, rings.size());
        assertTrue(signedArea(rings.get(0)) < 0, "exterior must be clockwise: " + rings.get(0));
        assertTrue(signedArea(rings.get(1)) > 0, "hole must be counter-clockwise: " + rings.get(1));
        assertEquals(100.0, -signedArea(rings.get(0)));
        assertEquals(4.0, signedArea(rings.get(1)));
    }

    @Test
    void ringsAlreadyInEsriOrientationAreLeftThatWay() {
        ObjectNode set = convert("{'type':'Polygon','coordinates':[[[0.5,0.5],[0.5,10.5],[10.5,10.5],[10.5,0.5],"
                + "[0.5,0.5]],[[2.5,2.5],[4.5,2.5],[4.5,4.5],[2.5,4.5],[2.5,2.5]]]}");

        JsonNode rings = set.at("/features/0/geometry/rings");
        assertEquals(json("[[0.5,0.5],[0.5,10.5],[10.5,10.5],[10.5,0.5],[0.5,0.5]]"), rings.get(0));
        assertEquals(json("[[2.5,2.5],[4.5,2.5],[4.5,4.5],[2.5,4.5],[2.5,2.5]]"), rings.get(1));
    }

    @Test
    void multiPolygonPartsAreFlattenedIntoOneRingsList() {
        ObjectNode set = convert("{'type':'MultiPolygon','coordinates':[" + SQUARE_WITH_HOLE
                + ",[[[20.5,20.5],[30.5,20.5],[30.5,30.5],[20.5,20.5]]]]}");

        JsonNode rings = set.at("/features/0/geometry/rings");
        assertEquals(3, rings.size());
        assertTrue(signedArea(rings.get(0)) < 0);
        assertTrue(signedArea(rings.get(1)) > 0);
        assertTrue(signedArea(rings.get(2)) < 0, "second part's exterior must be clockwise too");
    }

    @Test
    void polygonAndMultiPolygonShareThePolygonType() {
        ObjectNode set = convert("{'type':'Polygon','coordinates':" + SQUARE_WITH_HOLE + "}",
                "{'type':'MultiPolygon','coordinates':[" + SQUARE_WITH_HOLE + "]}");

        assertEquals("esriGeometryPolygon", set.get("geometryType").asText());
    }

    @Test
    void anUnclosedRingIsClosed() {
        ObjectNode set = convert("{'type':'Polygon','coordinates':[[[0.5,0.5],[0.5,1.5],[1.5,1.5]]]}");

        assertEquals(json("[[0.5,0.5],[0.5,1.5],[1.5,1.5],[0.5,0.5]]"), set.at("/features/0/geometry/rings/0"));
    }

    @Test
    void aRingOfTwoPositionsIsRejected() {
        GeometryFormatException e = failure(collection("{'type':'Polygon','coordinates':[[[0,0],[1,1],[0,0]]]}"));

        assertEquals("feature 1: a polygon ring needs at least 3 distinct positions", e.getMessage());
    }

    @Test
    void pointsBesideMultiPointsBecomeOneMultipointSet() {
        ObjectNode set = convert("{'type':'Point','coordinates':[1.5,2.5,3.5]}",
                "{'type':'MultiPoint','coordinates':[[4.5,5.5]]}");

        assertEquals("esriGeometryMultipoint", set.get("geometryType").asText());
        assertEquals(json("{'points':[[1.5,2.5,3.5]]}"), set.at("/features/0/geometry"));
    }

    @Test
    void mixedGeometryFamiliesAreAnErrorNamingTheTypesAndTheFeature() {
        GeometryFormatException e = failure(collection("{'type':'Point','coordinates':[1,2]}",
                "{'type':'Point','coordinates':[1,2]}", "{'type':'LineString','coordinates':[[0,0],[1,1]]}"));

        assertEquals("mixed geometry types: esriGeometryPoint, esriGeometryPolyline (feature 3 is the first "
                + "esriGeometryPolyline); an Esri feature set holds one geometry type", e.getMessage());
    }

    @Test
    void geometryCollectionIsAnError() {
        GeometryFormatException e = failure(collection(
                "{'type':'GeometryCollection','geometries':[{'type':'Point','coordinates':[1,2]}]}"));

        assertEquals("feature 1: GeometryCollection has no Esri equivalent; split it into features of one "
                + "geometry type", e.getMessage());
    }

    @Test
    void aBareGeometryIsOneFeatureWithOnlyAnObjectId() {
        ObjectNode set = converter.convert(json("{'type':'Point','coordinates':[1.5,2.5]}"));

        assertEquals(1, set.get("features").size());
        assertEquals(json("[{'name':'OBJECTID','type':'esriFieldTypeOID','alias':'OBJECTID'}]"), set.get("fields"));
        assertEquals(json("{'OBJECTID':1}"), set.at("/features/0/attributes"));
    }

    @Test
    void aSingleFeatureIsOneFeatureWithItsAttributes() {
        ObjectNode set = converter.convert(json("{'type':'Feature','properties':{'name':'Zurich'},"
                + "'geometry':{'type':'Point','coordinates':[8.5,47.4]}}"));

        assertEquals(json("{'OBJECTID':1,'name':'Zurich'}"), set.at("/features/0/attributes"));
    }

    @Test
    void fieldTypesAreInferredFromTheValuesOfAllFeatures() {
        ObjectNode set = converter.convert(json("{'type':'FeatureCollection','features':["
                + "{'type':'Feature','geometry':null,'properties':{'count':1,'ratio':1,'name':'a','flag':true,"
                + "'mixed':'x','empty':null,'nested':{'a':[1]},'big':1,'sometimes':5}},"
                + "{'type':'Feature','geometry':null,'properties':{'count':2,'ratio':0.5,'name':'b','flag':false,"
                + "'mixed':3,'empty':null,'nested':null,'big':12345678901,'sometimes':null}}]}"));

        assertEquals(json("[{'name':'OBJECTID','type':'esriFieldTypeOID','alias':'OBJECTID'},"
                + "{'name':'count','type':'esriFieldTypeInteger','alias':'count'},"
                + "{'name':'ratio','type':'esriFieldTypeDouble','alias':'ratio'},"
                + "{'name':'name','type':'esriFieldTypeString','alias':'name','length':255},"
                + "{'name':'flag','type':'esriFieldTypeSmallInteger','alias':'flag'},"
                + "{'name':'mixed','type':'esriFieldTypeString','alias':'mixed','length':255},"
                + "{'name':'empty','type':'esriFieldTypeString','alias':'empty','length':255},"
                + "{'name':'nested','type':'esriFieldTypeString','alias':'nested','length':255},"
                + "{'name':'big','type':'esriFieldTypeDouble','alias':'big'},"
                + "{'name':'sometimes','type':'esriFieldTypeInteger','alias':'sometimes'}]"), set.get("fields"));
        ObjectNode first = (ObjectNode) set.at("/features/0/attributes");
        assertEquals("{\"a\":[1]}", first.remove("nested").asText());
        assertEquals(json("{'OBJECTID':1,'count':1,'ratio':1.0,'name':'a','flag':1,'mixed':'x','empty':null,"
                + "'big':1.0,'sometimes':5}"), first);
        assertEquals(json("{'OBJECTID':2,'count':2,'ratio':0.5,'name':'b','flag':0,'mixed':'3','empty':null,"
                + "'nested':null,'big':1.2345678901E10,'sometimes':null}"), set.at("/features/1/attributes"));
    }

    @Test
    void aLongTextWidensItsField() {
        String longText = "x".repeat(300);
        ObjectNode set = converter.convert(json("{'type':'Feature','geometry':null,'properties':{'note':'"
                + longText + "'}}"));

        assertEquals(300, set.at("/fields/1/length").asInt());
    }

    @Test
    void propertiesMissingFromSomeFeaturesAreNull() {
        ObjectNode set = converter.convert(json("{'type':'FeatureCollection','features':["
                + "{'type':'Feature','geometry':null,'properties':{'a':1}},"
                + "{'type':'Feature','geometry':null}]}"));

        assertEquals(json("{'OBJECTID':2,'a':null}"), set.at("/features/1/attributes"));
    }

    @Test
    void anObjectIdPropertyHoldingUniqueIntegersIsKeptAsTheObjectIdField() {
        ObjectNode set = converter.convert(json("{'type':'FeatureCollection','features':["
                + "{'type':'Feature','geometry':null,'properties':{'OBJECTID':7,'a':'x'}},"
                + "{'type':'Feature','geometry':null,'properties':{'OBJECTID':9,'a':'y'}}]}"));

        assertEquals(json("[{'name':'OBJECTID','type':'esriFieldTypeOID','alias':'OBJECTID'},"
                + "{'name':'a','type':'esriFieldTypeString','alias':'a','length':255}]"), set.get("fields"));
        assertEquals(json("{'OBJECTID':9,'a':'y'}"), set.at("/features/1/attributes"));
    }

    @Test
    void anObjectIdPropertyOfAnotherKindGetsAnObjectIdFieldBesideIt() {
        ObjectNode set = converter.convert(json("{'type':'Feature','geometry':null,'properties':{'objectid':'A-1'}}"));

        assertEquals(json("[{'name':'OBJECTID_1','type':'esriFieldTypeOID','alias':'OBJECTID_1'},"
                + "{'name':'objectid','type':'esriFieldTypeString','alias':'objectid','length':255}]"),
                set.get("fields"));
        assertEquals(json("{'OBJECTID_1':1,'objectid':'A-1'}"), set.at("/features/0/attributes"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "urn:ogc:def:crs:EPSG::3857 | {'wkid':102100,'latestWkid':3857}",
            "EPSG:3857 |                  {'wkid':102100,'latestWkid':3857}",
            "EPSG:2056 |                  {'wkid':2056}",
            "urn:ogc:def:crs:EPSG:6.6:25832 | {'wkid':25832}",
            "http://www.opengis.net/def/crs/EPSG/0/2154 | {'wkid':2154}",
            "urn:ogc:def:crs:OGC:1.3:CRS84 | {'wkid':4326}",
            "urn:ogc:def:crs:ESRI::54030 | {'wkid':54030}"})
    void theCrsMemberGivesTheSpatialReference(String name, String expected) {
        ObjectNode set = converter.convert(json("{'type':'Point','coordinates':[1,2],"
                + "'crs':{'type':'name','properties':{'name':'" + name + "'}}}"));

        assertEquals(json(expected), set.get("spatialReference"));
    }

    @Test
    void theOldEpsgCrsFormIsUnderstood() {
        ObjectNode set = converter.convert(json("{'type':'Point','coordinates':[1,2],"
                + "'crs':{'type':'EPSG','properties':{'code':21781}}}"));

        assertEquals(json("{'wkid':21781}"), set.get("spatialReference"));
    }

    @Test
    void withoutACrsMemberTheConfiguredDefaultApplies() {
        ObjectNode set = new GeoJsonToEsri(2056).convert(json("{'type':'Point','coordinates':[2600000,1200000]}"));

        assertEquals(json("{'wkid':2056}"), set.get("spatialReference"));
    }

    @Test
    void anUnrecognisedCrsIsAnErrorRatherThanAGuess() {
        GeometryFormatException e = failure(json("{'type':'Point','coordinates':[1,2],"
                + "'crs':{'type':'name','properties':{'name':'my-local-grid'}}}"));

        assertEquals("unrecognised crs name 'my-local-grid' (expected e.g. urn:ogc:def:crs:EPSG::3857 or EPSG:3857)",
                e.getMessage());
    }

    @Test
    void zValuesSetHasZAndAreKept() {
        ObjectNode set = convert("{'type':'LineString','coordinates':[[0.5,0.5,100.5],[1.5,1.5,101.5]]}");

        assertTrue(set.get("hasZ").asBoolean());
        assertEquals(json("[[[0.5,0.5,100.5],[1.5,1.5,101.5]]]"), set.at("/features/0/geometry/paths"));
    }

    @Test
    void aFourthValueIsDroppedAsRfc7946GivesItNoMeaning() {
        ObjectNode set = convert("{'type':'Point','coordinates':[0.5,0.5,1.5,2.5]}");

        assertEquals(json("{'x':0.5,'y':0.5,'z':1.5}"), set.at("/features/0/geometry"));
    }

    @Test
    void featuresWithoutGeometryAreAttributeOnlyRows() {
        ObjectNode set = converter.convert(json("{'type':'Feature','geometry':null,'properties':{'a':1}}"));

        assertFalse(set.has("geometryType"));
        assertFalse(set.at("/features/0").has("geometry"));
    }

    @Test
    void aBadPositionNamesItsFeature() {
        GeometryFormatException e = failure(collection("{'type':'Point','coordinates':[1,2]}",
                "{'type':'Point','coordinates':['1','2']}"));

        assertEquals("feature 2: a position must be an array of at least two numbers, found [\"1\",\"2\"]",
                e.getMessage());
    }

    @Test
    void anEmptyGeometryIsAnError() {
        GeometryFormatException e = failure(collection("{'type':'MultiPolygon','coordinates':[]}"));

        assertEquals("feature 1: MultiPolygon has no coordinates", e.getMessage());
    }

    @Test
    void anUnknownTypeIsAnError() {
        assertEquals("'Topology' is not a GeoJSON type", failure(json("{'type':'Topology'}")).getMessage());
        assertEquals("GeoJSON object has no 'type' member", failure(json("{'features':[]}")).getMessage());
        assertEquals("feature 1: unknown geometry type 'Circle'",
                failure(collection("{'type':'Circle','coordinates':[1,2]}")).getMessage());
    }

    @Test
    void aDocumentThatIsNotAnObjectIsAnError() {
        assertEquals("GeoJSON must be a JSON object", failure(json("[1,2]")).getMessage());
    }

    @Test
    void nonObjectPropertiesAreAnError() {
        GeometryFormatException e = failure(json("{'type':'Feature','geometry':null,'properties':[1]}"));

        assertEquals("feature 1: 'properties' must be an object or null", e.getMessage());
    }

    @Test
    void aCollectionMemberThatIsNotAFeatureIsAnError() {
        GeometryFormatException e = failure(json("{'type':'FeatureCollection','features':"
                + "[{'type':'Point','coordinates':[1,2]}]}"));

        assertEquals("feature 1: expected an object of type 'Feature'", e.getMessage());
    }
}
