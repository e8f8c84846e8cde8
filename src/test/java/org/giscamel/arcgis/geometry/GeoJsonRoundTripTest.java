package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.giscamel.arcgis.geometry.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GeoJSON in RFC 7946 form survives GeoJSON → Esri → GeoJSON, and the Esri form survives the way back. */
class GeoJsonRoundTripTest {

    private static final String POLYGON_WITH_HOLE = "[[[0.5,0.5],[10.5,0.5],[10.5,10.5],[0.5,10.5],[0.5,0.5]],"
            + "[[2.5,2.5],[2.5,4.5],[4.5,4.5],[4.5,2.5],[2.5,2.5]]]";

    @ParameterizedTest
    @ValueSource(strings = {
            "{'type':'Point','coordinates':[8.5,47.25]}|{'type':'Point','coordinates':[-122.5,37.75]}",
            "{'type':'MultiPoint','coordinates':[[1.5,2.5],[3.5,4.5]]}|{'type':'MultiPoint','coordinates':[[5.5,6.5]]}",
            "{'type':'LineString','coordinates':[[0.5,0.5,3.5],[1.5,1.5,4.5]]}"
                    + "|{'type':'MultiLineString','coordinates':[[[0.5,0.5,1.5],[1.5,1.5,1.5]],[[2.5,2.5,1.5],[3.5,3.5,1.5]]]}",
            "{'type':'Polygon','coordinates':" + POLYGON_WITH_HOLE + "}"
                    + "|{'type':'MultiPolygon','coordinates':[" + POLYGON_WITH_HOLE
                    + ",[[[20.5,20.5],[30.5,20.5],[30.5,30.5],[20.5,20.5]]]]}"})
    void geometriesAndPropertiesSurviveBothWays(String geometries) {
        String[] g = geometries.split("\\|");
        JsonNode original = json("{'type':'FeatureCollection','crs':{'type':'name','properties':"
                + "{'name':'urn:ogc:def:crs:EPSG::2056'}},'features':["
                + "{'type':'Feature','id':1,'geometry':" + g[0] + ",'properties':{'OBJECTID':1,'name':'first','n':1.5}},"
                + "{'type':'Feature','id':2,'geometry':" + g[1] + ",'properties':{'OBJECTID':2,'name':'second','n':2.5}}]}");

        ObjectNode esri = new GeoJsonToEsri(4326).convert(original);
        GeoJsonFeatures back = EsriToGeoJson.convert(esri);
        ObjectNode esriAgain = new GeoJsonToEsri(4326).convert(back.featureCollection());

        assertEquals(original, back.featureCollection());
        assertEquals(esri, esriAgain);
    }
}
