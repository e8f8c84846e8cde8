package org.giscamel.gp.input;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.giscamel.arcgis.geometry.TestJson.json;
import static org.giscamel.gp.input.GpInputException.Reason.EMPTY_FILE;
import static org.giscamel.gp.input.GpInputException.Reason.FILE_TOO_LARGE;
import static org.giscamel.gp.input.GpInputException.Reason.INVALID_FEATURES;
import static org.giscamel.gp.input.GpInputException.Reason.MALFORMED_JSON;
import static org.giscamel.gp.input.GpInputException.Reason.NO_FEATURES;
import static org.giscamel.gp.input.GpInputException.Reason.UNSUPPORTED_FILE_TYPE;
import static org.giscamel.gp.input.GpInputException.Reason.WRONG_GEOMETRY_TYPE;
import static org.giscamel.gp.input.GpInputException.Reason.WRONG_PARAMETER_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GpInputReaderTest {

    private static final String POINTS = "{'type':'FeatureCollection','features':["
            + "{'type':'Feature','geometry':{'type':'Point','coordinates':[8.5,47.4]},'properties':{'name':'a'}},"
            + "{'type':'Feature','geometry':{'type':'Point','coordinates':[7.5,46.9]},'properties':{'name':'b'}}]}";
    private static final String LINE = "{'type':'Feature','properties':{},"
            + "'geometry':{'type':'LineString','coordinates':[[0,0],[1,1]]}}";
    /** The demo BufferPoints task's input parameter, as its metadata lists it. */
    private static final JsonNode POINT_PARAMETER = json("{'name':'Input_Features','dataType':'GPFeatureRecordSetLayer',"
            + "'filter':{'type':'featureClass','list':['esriGeometryPoint','esriGeometryMultipoint']}}");

    @TempDir
    Path folder;

    private final GpInputReader reader = new GpInputReader(GpInputSettings.defaults());

    private Path file(String name, String singleQuotedJson) throws IOException {
        return Files.writeString(folder.resolve(name), singleQuotedJson.replace('\'', '"'));
    }

    private GpInputException failure(Path file, JsonNode parameter) {
        return assertThrows(GpInputException.class, () -> reader.read(file, parameter));
    }

    private GpInputException failure(GpInputException.Reason reason, Path file, JsonNode parameter) {
        GpInputException e = failure(file, parameter);
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @Test
    void aGeoJsonFileBecomesAnEsriFeatureSet() throws IOException {
        GpInput.Features features = (GpInput.Features) reader.read(file("points.geojson", POINTS), POINT_PARAMETER);

        assertEquals(GpInput.Source.GEOJSON, features.source());
        assertEquals("esriGeometryPoint", features.geometryType());
        assertEquals(2, features.featureCount());
        assertEquals(json("{'x':8.5,'y':47.4}"), features.featureSet().at("/features/0/geometry"));
        assertEquals("b", features.featureSet().at("/features/1/attributes/name").asText());
    }

    @Test
    void aGeoJsonDotJsonFileIsConvertedToo() throws IOException {
        GpInput input = reader.read(file("points.json", POINTS), POINT_PARAMETER);

        assertEquals(GpInput.Source.GEOJSON, ((GpInput.Features) input).source());
    }

    @Test
    void anEsriFeatureSetIsPassedAsItIs() throws IOException {
        String esri = "{'geometryType':'esriGeometryPoint','spatialReference':{'wkid':2056},"
                + "'features':[{'geometry':{'x':2600000,'y':1200000},'attributes':{'Name':'Bern'}}]}";

        GpInput.Features features = (GpInput.Features) reader.read(file("points.json", esri), POINT_PARAMETER);

        assertEquals(GpInput.Source.ESRI_JSON, features.source());
        assertEquals(json(esri), features.featureSet());
        assertEquals("esriGeometryPoint", features.geometryType());
        assertEquals(1, features.featureCount());
    }

    @Test
    void theFormValueIsTheFeatureSetAsJsonText() throws IOException {
        GpInput.Features features = (GpInput.Features) reader.read(file("points.geojson", POINTS), POINT_PARAMETER);

        assertEquals(features.featureSet(), json(features.parameterValue()));
    }

    @Test
    void anEsriFeatureSetInADotGeoJsonFileIsNotGeoJson() throws IOException {
        GpInputException e = failure(INVALID_FEATURES, file("points.geojson",
                "{'geometryType':'esriGeometryPoint','features':[{'geometry':{'x':1,'y':2}}]}"), POINT_PARAMETER);

        assertEquals("points.geojson: invalid GeoJSON: GeoJSON object has no 'type' member", e.getMessage());
    }

    @Test
    void aJsonFileThatIsNeitherFormIsRejected() throws IOException {
        GpInputException e = failure(INVALID_FEATURES, file("data.json", "{'rows':[1,2]}"), POINT_PARAMETER);

        assertEquals("data.json: neither GeoJSON (no 'type' member) nor an Esri JSON FeatureSet "
                + "(no 'geometryType' and no Esri geometries in 'features')", e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() throws IOException {
        Path file = Files.writeString(folder.resolve("broken.geojson"),
                "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [}\n}");

        GpInputException e = failure(MALFORMED_JSON, file, POINT_PARAMETER);

        assertEquals("broken.geojson: malformed JSON at line 3, column 16: Unexpected close marker '}': "
                + "expected ']' (for Array starting at line 3, column 15)", e.getMessage());
        assertEquals("malformed-json", e.reasonCode());
    }

    @Test
    void trailingContentIsMalformed() throws IOException {
        GpInputException e = failure(MALFORMED_JSON, file("two.geojson", POINTS + POINTS), POINT_PARAMETER);

        assertEquals(true, e.getMessage().startsWith("two.geojson: malformed JSON at line 1, column "), e.getMessage());
    }

    @Test
    void anEmptyFileIsRejected() throws IOException {
        GpInputException e = failure(EMPTY_FILE, file("empty.geojson", ""), POINT_PARAMETER);

        assertEquals("empty.geojson: the file is empty", e.getMessage());
    }

    @Test
    void aFileOfBlanksIsEmptyToo() throws IOException {
        failure(EMPTY_FILE, file("blank.json", " \n\t\r\n"), POINT_PARAMETER);
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path file = folder.resolve("bom.geojson");
        byte[] content = POINTS.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[content.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(content, 0, withBom, 3, content.length);
        Files.write(file, withBom);

        assertEquals(2, ((GpInput.Features) reader.read(file, POINT_PARAMETER)).featureCount());
    }

    @Test
    void aCollectionWithoutFeaturesIsRejected() throws IOException {
        GpInputException e = failure(NO_FEATURES, file("none.geojson", "{'type':'FeatureCollection','features':[]}"),
                POINT_PARAMETER);

        assertEquals("none.geojson: the file holds no features", e.getMessage());
    }

    @Test
    void anEsriSetWithoutFeaturesIsRejected() throws IOException {
        failure(NO_FEATURES, file("none.json", "{'geometryType':'esriGeometryPoint','features':[]}"), POINT_PARAMETER);
    }

    @Test
    void aFeatureFileOverTheLimitIsRejectedUnread() throws IOException {
        GpInputReader small = new GpInputReader(new GpInputSettings(Set.of("tif"), 100, 4326));

        GpInputException e = assertThrows(GpInputException.class,
                () -> small.read(file("big.geojson", POINTS), POINT_PARAMETER));

        assertEquals(FILE_TOO_LARGE, e.reason());
        assertEquals("big.geojson: " + Files.size(folder.resolve("big.geojson")) + " bytes is more than the 100 bytes "
                + "allowed for a feature file; upload it as a data file (e.g. a zipped file geodatabase) instead",
                e.getMessage());
    }

    @Test
    void theWrongGeometryTypeForTheFilterIsRejectedNamingTheAllowedTypes() throws IOException {
        GpInputException e = failure(WRONG_GEOMETRY_TYPE, file("line.geojson", LINE), POINT_PARAMETER);

        assertEquals("line.geojson: geometry type esriGeometryPolyline is not accepted by input parameter "
                + "'Input_Features'; allowed: esriGeometryPoint, esriGeometryMultipoint", e.getMessage());
        assertEquals("wrong-geometry-type", e.reasonCode());
    }

    @Test
    void theFilterAppliesToEsriFeatureSetsToo() throws IOException {
        failure(WRONG_GEOMETRY_TYPE, file("line.json", "{'features':[{'geometry':{'paths':[[[0,0],[1,1]]]}}]}"),
                POINT_PARAMETER);
    }

    @Test
    void rowsWithoutGeometryFailAGeometryFilter() throws IOException {
        GpInputException e = failure(WRONG_GEOMETRY_TYPE,
                file("table.geojson", "{'type':'Feature','geometry':null,'properties':{'a':1}}"), POINT_PARAMETER);

        assertEquals("table.geojson: no geometries is not accepted by input parameter 'Input_Features'; "
                + "allowed: esriGeometryPoint, esriGeometryMultipoint", e.getMessage());
    }

    @Test
    void withoutAFilterAnyGeometryTypeIsAccepted() throws IOException {
        JsonNode anyFeatures = json("{'name':'In','dataType':'GPFeatureRecordSetLayer'}");

        assertInstanceOf(GpInput.Features.class, reader.read(file("line.geojson", LINE), anyFeatures));
        assertInstanceOf(GpInput.Features.class, reader.read(file("line.geojson", LINE), null));
    }

    @Test
    void invalidGeoJsonIsRejectedWithTheConvertersReason() throws IOException {
        GpInputException e = failure(INVALID_FEATURES, file("mixed.geojson", "{'type':'GeometryCollection',"
                + "'geometries':[]}"), POINT_PARAMETER);

        assertEquals("mixed.geojson: invalid GeoJSON: feature 1: GeometryCollection has no Esri equivalent; "
                + "split it into features of one geometry type", e.getMessage());
    }

    @Test
    void anUnknownExtensionIsRejected() throws IOException {
        GpInputException e = failure(UNSUPPORTED_FILE_TYPE, file("notes.docx", "x"), POINT_PARAMETER);

        assertEquals(true, e.getMessage().startsWith("notes.docx: unsupported file type '.docx'; expected .geojson, "
                + ".json or one of [.csv, .gpkg, "), e.getMessage());
    }

    @Test
    void aRasterIsAnUploadAndIsNotRead() throws IOException {
        Path tif = Files.write(folder.resolve("dem.tif"), new byte[]{'I', 'I', 42, 0});

        GpInput input = reader.read(tif, json("{'name':'Input_Raster','dataType':'GPRasterDataLayer'}"));

        assertEquals(new GpInput.Upload(tif), input);
    }

    @Test
    void anEmptyUploadIsRejected() throws IOException {
        Path tif = Files.write(folder.resolve("dem.tif"), new byte[0]);

        GpInputException e = failure(EMPTY_FILE, tif, json("{'name':'Input_Raster','dataType':'GPRasterDataLayer'}"));

        assertEquals("dem.tif: the file is empty", e.getMessage());
    }

    @Test
    void aZipMayFeedAFeatureParameterAsAnUploadedItem() throws IOException {
        Path zip = Files.write(folder.resolve("parcels.zip"), new byte[]{'P', 'K'});

        assertInstanceOf(GpInput.Upload.class, reader.read(zip, POINT_PARAMETER));
    }

    @Test
    void featuresForARasterParameterAreRejected() throws IOException {
        GpInputException e = failure(WRONG_PARAMETER_TYPE, file("points.geojson", POINTS),
                json("{'name':'Input_Raster','dataType':'GPRasterDataLayer'}"));

        assertEquals("points.geojson: input parameter 'Input_Raster' is a GPRasterDataLayer, which does not take "
                + "features", e.getMessage());
    }

    @Test
    void aFileForALiteralParameterIsRejected() throws IOException {
        Path tif = Files.write(folder.resolve("dem.tif"), new byte[]{1});

        GpInputException e = failure(WRONG_PARAMETER_TYPE, tif, json("{'name':'Title','dataType':'GPString'}"));

        assertEquals("dem.tif: input parameter 'Title' is a GPString, which does not take an uploaded file",
                e.getMessage());
    }

    @Test
    void aJsonFileForADataFileParameterIsUploadedAsAFile() throws IOException {
        Path json = file("config.json", "{'not':'features'}");

        assertEquals(new GpInput.Upload(json), reader.read(json, json("{'name':'Config','dataType':'GPDataFile'}")));
    }

    @Test
    void theFileFilterOfADataFileParameterIsChecked() throws IOException {
        JsonNode zipOnly = json("{'name':'Archive','dataType':'GPDataFile','filter':{'type':'file','list':['zip']}}");
        Path csv = Files.writeString(folder.resolve("table.csv"), "a,b\n1,2\n");
        Path zip = Files.write(folder.resolve("table.ZIP"), new byte[]{'P', 'K'});

        GpInputException e = failure(WRONG_PARAMETER_TYPE, csv, zipOnly);

        assertEquals("table.csv: input parameter 'Archive' accepts only .zip files", e.getMessage());
        assertInstanceOf(GpInput.Upload.class, reader.read(zip, zipOnly));
    }

    @Test
    void theItemIdFormValueIsJson() {
        assertEquals("{\"itemID\":\"ib740c7bb-e5d0\"}", GpInput.Upload.parameterValue("ib740c7bb-e5d0"));
    }

    @Test
    void theConfiguredDefaultSpatialReferenceApplies() throws IOException {
        GpInputReader swiss = new GpInputReader(new GpInputSettings(Set.of(), 1_000_000, 2056));

        GpInput.Features features = (GpInput.Features) swiss.read(file("points.geojson", POINTS), null);

        assertEquals(json("{'wkid':2056}"), features.featureSet().get("spatialReference"));
    }
}
