package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.giscamel.arcgis.geometry.TestJson.json;
import static org.giscamel.arcgis.geometry.TestJson.signedArea;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EsriToGeoJsonTest {

    /** Esri orientation: exterior clockwise, hole counter-clockwise. */
    private static final String OUTER_A = "[[0.5,0.5],[0.5,10.5],[10.5,10.5],[10.5,0.5],[0.5,0.5]]";
    private static final String HOLE_A = "[[2.5,2.5],[4.5,2.5],[4.5,4.5],[2.5,4.5],[2.5,2.5]]";
    private static final String OUTER_B = "[[20.5,0.5],[20.5,10.5],[30.5,10.5],[30.5,0.5],[20.5,0.5]]";
    private static final String HOLE_B = "[[22.5,2.5],[24.5,2.5],[24.5,4.5],[22.5,4.5],[22.5,2.5]]";

    private static GeoJsonFeatures convert(String geometryType, String... geometries) {
        StringBuilder features = new StringBuilder();
        int id = 0;
        for (String g : geometries) {
            id++;
            features.append(features.length() == 0 ? "" : ",")
                    .append("{'geometry':").append(g).append(",'attributes':{'OBJECTID':").append(id)
                    .append(",'name':'f").append(id).append("'}}");
        }
        return EsriToGeoJson.convert(json("{'geometryType':'" + geometryType + "','spatialReference':{'wkid':4326},"
                + "'fields':[{'name':'OBJECTID','type':'esriFieldTypeOID'},{'name':'name','type':'esriFieldTypeString'}],"
                + "'features':[" + features + "]}"));
    }

    private static JsonNode geometry(GeoJsonFeatures features, int index) {
        return features.featureCollection().at("/features/" + index + "/geometry");
    }

    @Test
    void pointsBecomePointFeaturesWithPropertiesAndTheObjectIdAsId() {
        GeoJsonFeatures out = convert("esriGeometryPoint", "{'x':8.5,'y':47.25}");

        assertEquals(json("{'type':'FeatureCollection','features':[{'type':'Feature','id':1,"
                + "'geometry':{'type':'Point','coordinates':[8.5,47.25]},'properties':{'OBJECTID':1,'name':'f1'}}]}"),
                out.featureCollection());
        assertEquals(1, out.featureCount());
        assertEquals(OptionalInt.of(4326), out.wkid());
    }

    @Test
    void multipointsBecomeMultiPoints() {
        GeoJsonFeatures out = convert("esriGeometryMultipoint", "{'points':[[1.5,2.5],[3.5,4.5]]}");

        assertEquals(json("{'type':'MultiPoint','coordinates':[[1.5,2.5],[3.5,4.5]]}"), geometry(out, 0));
    }

    @Test
    void onePathIsALineStringAndSeveralAreAMultiLineString() {
        GeoJsonFeatures out = convert("esriGeometryPolyline", "{'paths':[[[0.5,0.5],[1.5,1.5]]]}",
                "{'paths':[[[0.5,0.5],[1.5,1.5]],[[2.5,2.5],[3.5,3.5]]]}");

        assertEquals(json("{'type':'LineString','coordinates':[[0.5,0.5],[1.5,1.5]]}"), geometry(out, 0));
        assertEquals(json("{'type':'MultiLineString','coordinates':[[[0.5,0.5],[1.5,1.5]],[[2.5,2.5],[3.5,3.5]]]}"),
                geometry(out, 1));
    }

    @Test
    void aPolygonWithAHoleComesOutInRfc7946Orientation() {
        GeoJsonFeatures out = convert("esriGeometryPolygon", "{'rings':[" + OUTER_A + "," + HOLE_A + "]}");

        JsonNode polygon = geometry(out, 0);
        assertEquals("Polygon", polygon.get("type").asText());
        JsonNode rings = polygon.get("coordinates");
        assertEquals(2, rings.size());
        assertEquals(100.0, signedArea(rings.get(0)), "exterior counter-clockwise");
        assertEquals(-4.0, signedArea(rings.get(1)), "hole clockwise");
    }

    @Test
    void holesGoToTheExteriorThatContainsThemWhateverTheRingOrder() {
        GeoJsonFeatures out = convert("esriGeometryPolygon",
                "{'rings':[" + OUTER_A + "," + OUTER_B + "," + HOLE_B + "," + HOLE_A + "]}");

        JsonNode multi = geometry(out, 0);
        assertEquals("MultiPolygon", multi.get("type").asText());
        assertEquals(2, multi.get("coordinates").size());
        assertEquals(2.5, multi.at("/coordinates/0/1/0/0").asDouble(), "hole A stays with exterior A");
        assertEquals(22.5, multi.at("/coordinates/1/1/0/0").asDouble(), "hole B stays with exterior B");
    }

    @Test
    void anIslandInsideAHoleIsAPolygonOfItsOwn() {
        String hole = "[[2.5,2.5],[8.5,2.5],[8.5,8.5],[2.5,8.5],[2.5,2.5]]";
        String island = "[[4.5,4.5],[4.5,6.5],[6.5,6.5],[6.5,4.5],[4.5,4.5]]";
        GeoJsonFeatures out = convert("esriGeometryPolygon", "{'rings':[" + OUTER_A + "," + hole + "," + island + "]}");

        JsonNode coordinates = geometry(out, 0).get("coordinates");
        assertEquals(2, coordinates.size());
        assertEquals(2, coordinates.get(0).size(), "outer ring and its hole");
        assertEquals(1, coordinates.get(1).size(), "the island has no hole");
        assertEquals(4.0, signedArea(coordinates.get(1).get(0)));
    }

    @Test
    void aHoleInAnIslandGoesToTheIslandNotToTheOuterExterior() {
        String hole = "[[2.5,2.5],[8.5,2.5],[8.5,8.5],[2.5,8.5],[2.5,2.5]]";
        String island = "[[3.5,3.5],[3.5,7.5],[7.5,7.5],[7.5,3.5],[3.5,3.5]]";
        String holeInIsland = "[[4.5,4.5],[6.5,4.5],[6.5,6.5],[4.5,6.5],[4.5,4.5]]";
        GeoJsonFeatures out = convert("esriGeometryPolygon",
                "{'rings':[" + OUTER_A + "," + island + "," + holeInIsland + "," + hole + "]}");

        JsonNode coordinates = geometry(out, 0).get("coordinates");
        assertEquals(0.5, coordinates.at("/0/0/0/0").asDouble(), "first polygon is exterior A");
        assertEquals(2.5, coordinates.at("/0/1/0/0").asDouble(), "with the big hole");
        assertEquals(2, coordinates.get(0).size());
        assertEquals(3.5, coordinates.at("/1/0/0/0").asDouble(), "second polygon is the island");
        assertEquals(4.5, coordinates.at("/1/1/0/0").asDouble(), "with its own hole");
        assertEquals(2, coordinates.get(1).size());
    }

    @Test
    void aHoleTouchingItsExteriorAtAVertexStaysAHole() {
        String touching = "[[0.5,0.5],[4.5,2.5],[2.5,4.5],[0.5,0.5]]";
        GeoJsonFeatures out = convert("esriGeometryPolygon", "{'rings':[" + OUTER_A + "," + touching + "]}");

        assertEquals("Polygon", geometry(out, 0).get("type").asText());
        assertEquals(2, geometry(out, 0).get("coordinates").size());
    }

    @Test
    void aHoleOutsideEveryExteriorIsKeptAsAPolygon() {
        GeoJsonFeatures out = convert("esriGeometryPolygon", "{'rings':[" + OUTER_A + "," + HOLE_B + "]}");

        JsonNode coordinates = geometry(out, 0).get("coordinates");
        assertEquals("MultiPolygon", geometry(out, 0).get("type").asText());
        assertEquals(4.0, signedArea(coordinates.get(1).get(0)), "turned into a counter-clockwise exterior");
    }

    @Test
    void zIsKeptWhenTheSetHasZ() {
        GeoJsonFeatures out = EsriToGeoJson.convert(json("{'geometryType':'esriGeometryPolyline','hasZ':true,"
                + "'features':[{'geometry':{'paths':[[[0.5,0.5,7.5],[1.5,1.5,8.5]]]}}]}"));

        assertEquals(json("[[0.5,0.5,7.5],[1.5,1.5,8.5]]"), geometry(out, 0).get("coordinates"));
    }

    @Test
    void mIsDroppedBecauseGeoJsonHasNoPlaceForIt() {
        GeoJsonFeatures mOnly = EsriToGeoJson.convert(json("{'hasM':true,"
                + "'features':[{'geometry':{'paths':[[[0.5,0.5,7.5],[1.5,1.5,8.5]]]}}]}"));
        GeoJsonFeatures zAndM = EsriToGeoJson.convert(json("{'hasZ':true,'hasM':true,"
                + "'features':[{'geometry':{'points':[[0.5,0.5,7.5,99.5]]}}]}"));

        assertEquals(json("[[0.5,0.5],[1.5,1.5]]"), geometry(mOnly, 0).get("coordinates"));
        assertEquals(json("[[0.5,0.5,7.5]]"), geometry(zAndM, 0).get("coordinates"));
    }

    @Test
    void aSpatialReferenceOtherThanWgs84IsWrittenAsACrsMember() {
        GeoJsonFeatures out = EsriToGeoJson.convert(json("{'spatialReference':{'wkid':102100,'latestWkid':3857},"
                + "'features':[]}"));

        assertEquals(json("{'type':'name','properties':{'name':'urn:ogc:def:crs:EPSG::3857'}}"),
                out.featureCollection().get("crs"));
        assertEquals(OptionalInt.of(3857), out.wkid());
    }

    @Test
    void anEsriAuthorityCodeIsNamedAsSuch() {
        GeoJsonFeatures out = EsriToGeoJson.convert(json("{'spatialReference':{'wkid':54030},'features':[]}"));

        assertEquals("urn:ogc:def:crs:ESRI::54030", out.featureCollection().at("/crs/properties/name").asText());
    }

    @Test
    void theOldWebMercatorCodeAloneMeans3857() {
        GeoJsonFeatures out = EsriToGeoJson.convert(json("{'spatialReference':{'wkid':102100},'features':[]}"));

        assertEquals(OptionalInt.of(3857), out.wkid());
    }

    @Test
    void wgs84AndUnknownSpatialReferencesGetNoCrsMember() {
        GeoJsonFeatures wgs84 = EsriToGeoJson.convert(json("{'spatialReference':{'wkid':4326},'features':[]}"));
        GeoJsonFeatures wktOnly = EsriToGeoJson.convert(json("{'spatialReference':{'wkt':'PROJCS[..]'},'features':[]}"));
        GeoJsonFeatures restJsMock = EsriToGeoJson.convert(json("{'spatialReference':[],'features':[]}"));

        assertFalse(wgs84.featureCollection().has("crs"));
        assertFalse(wktOnly.featureCollection().has("crs"));
        assertEquals(OptionalInt.empty(), wktOnly.wkid());
        assertEquals(OptionalInt.empty(), restJsMock.wkid());
    }

    @Test
    void exceededTransferLimitIsReported() {
        assertTrue(EsriToGeoJson.convert(json("{'features':[],'exceededTransferLimit':true}")).exceededTransferLimit());
        assertFalse(EsriToGeoJson.convert(json("{'features':[]}")).exceededTransferLimit());
    }

    @Test
    void missingAndEmptyGeometriesBecomeNull() {
        GeoJsonFeatures out = EsriToGeoJson.convert(json("{'features':[{'attributes':{'a':1}},"
                + "{'geometry':{'x':null,'y':null}},{'geometry':{'x':'NaN','y':'NaN'}},{'geometry':{'rings':[]}},"
                + "{'geometry':{'paths':[]}},{'geometry':{'points':[]}}]}"));

        for (int i = 0; i < 6; i++) {
            assertTrue(geometry(out, i).isNull(), "feature " + i);
        }
        assertEquals(json("{'a':1}"), out.featureCollection().at("/features/0/properties"));
        assertFalse(out.featureCollection().at("/features/0").has("id"), "no object-id field, no id");
    }

    @Test
    void theObjectIdFieldNameOfAQueryReplyGivesTheId() {
        GeoJsonFeatures out = EsriToGeoJson.convert(json("{'objectIdFieldName':'FID',"
                + "'features':[{'attributes':{'FID':42}}]}"));

        assertEquals(42, out.featureCollection().at("/features/0/id").asInt());
    }

    @Test
    void trueCurvesAreAnError() {
        GeometryFormatException e = assertThrows(GeometryFormatException.class, () -> EsriToGeoJson.convert(
                json("{'features':[{'geometry':{'curveRings':[[[0,0],{'c':[[1,1],[0.5,0.5]]}]]}}]}")));

        assertEquals("feature 1: true curves cannot be written as GeoJSON; request the result without "
                + "returnTrueCurves", e.getMessage());
    }

    @Test
    void aValueThatIsNotAFeatureSetIsAnErrorNamingWhatItIs() {
        GeometryFormatException e = assertThrows(GeometryFormatException.class, () -> EsriToGeoJson.convert(
                json("{'url':'https://host/arcgis/rest/services/Hosted/out/FeatureServer/0'}")));

        assertEquals("not an Esri feature set: no 'features' array (it is a link to "
                + "https://host/arcgis/rest/services/Hosted/out/FeatureServer/0, e.g. an output feature service)",
                e.getMessage());
    }

    @Test
    void anUnrecognisedGeometryIsAnError() {
        GeometryFormatException e = assertThrows(GeometryFormatException.class, () -> EsriToGeoJson.convert(
                json("{'features':[{'geometry':{'type':'Point','coordinates':[1,2]}}]}")));

        assertTrue(e.getMessage().startsWith("feature 1: unrecognised Esri geometry"), e.getMessage());
    }
}
