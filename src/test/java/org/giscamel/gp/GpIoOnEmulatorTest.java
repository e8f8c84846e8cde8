package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.arcgis.geometry.EsriToGeoJson;
import org.giscamel.arcgis.geometry.GeoJsonFeatures;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.gp.input.GpInput;
import org.giscamel.gp.input.GpInputException;
import org.giscamel.gp.input.GpInputReader;
import org.giscamel.gp.input.GpInputSettings;
import org.giscamel.gp.output.AtomicFiles;
import org.giscamel.gp.output.GpOutputKind;
import org.giscamel.gp.output.LiteralResults;
import org.giscamel.gp.output.OutputNames;
import org.giscamel.gp.output.WrittenFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.giscamel.arcgis.geometry.TestJson.MAPPER;
import static org.giscamel.arcgis.geometry.TestJson.json;
import static org.giscamel.arcgis.geometry.TestJson.signedArea;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The input and output helpers against the emulator's demo BufferPoints task: its real metadata drives the
 * checks, its {@code execute} accepts the converted GeoJSON, and its outputs convert and save.
 */
class GpIoOnEmulatorTest {

    private static final String TASK = "/rest/services/Demo/BufferPointsSync/GPServer/BufferPoints";
    private static final String POINTS = "{'type':'FeatureCollection','features':["
            + "{'type':'Feature','geometry':{'type':'Point','coordinates':[8.54,47.37]},'properties':{'Name':'Zurich'}},"
            + "{'type':'Feature','geometry':{'type':'Point','coordinates':[7.45,46.95]},'properties':{'Name':'Bern'}}]}";

    private static ArcGisEmulator emulator;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @BeforeAll
    static void start() throws IOException {
        emulator = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults());
        // the Demo folder is secured, as GP services often are
        token = emulator.tokens().issue("gpuser", 60L).value();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static JsonNode inputParameter() throws Exception {
        JsonNode task = MAPPER.readTree(get(emulator.siteUrl() + TASK + "?f=json&token=" + token).readAllBytes());
        for (JsonNode p : task.path("parameters")) {
            if (p.get("name").asText().equals("Input_Features")) {
                return p;
            }
        }
        throw new AssertionError("no Input_Features in " + task);
    }

    private static InputStream get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream())
                .body();
    }

    private static JsonNode execute(String features) throws Exception {
        String form = "f=json&token=" + token + "&Distance=" + URLEncoder.encode("{\"distance\":500,\"units\":\"esriMeters\"}",
                StandardCharsets.UTF_8) + "&Input_Features=" + URLEncoder.encode(features, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.siteUrl() + TASK + "/execute"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return MAPPER.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private Path dropped(String name, String singleQuotedJson) throws IOException {
        return Files.writeString(folder.resolve(name), singleQuotedJson.replace('\'', '"'));
    }

    @Test
    void theTasksFeatureClassFilterRejectsLinesBeforeSubmitting() throws Exception {
        Path lines = dropped("lines.geojson", "{'type':'Feature','properties':{},"
                + "'geometry':{'type':'LineString','coordinates':[[0,0],[1,1]]}}");
        JsonNode parameter = inputParameter();

        GpInputException e = assertThrows(GpInputException.class,
                () -> new GpInputReader(GpInputSettings.defaults()).read(lines, parameter));

        assertEquals(GpInputException.Reason.WRONG_GEOMETRY_TYPE, e.reason());
        assertTrue(e.getMessage().endsWith("allowed: esriGeometryPoint, esriGeometryMultipoint"), e.getMessage());
    }

    @Test
    void convertedGeoJsonRunsAndEveryOutputCanBeSaved() throws Exception {
        GpInput.Features input = (GpInput.Features) new GpInputReader(GpInputSettings.defaults())
                .read(dropped("points.geojson", POINTS), inputParameter());

        JsonNode reply = execute(input.parameterValue());

        Map<GpOutputKind, JsonNode> byKind = new HashMap<>();
        LiteralResults literals = new LiteralResults();
        for (JsonNode result : reply.get("results")) {
            GpOutputKind kind = GpOutputKind.of(result.get("dataType").asText());
            byKind.put(kind, result);
            if (kind == GpOutputKind.LITERAL) {
                literals.add(result);
            }
        }
        assertEquals(json("{'Output_Count':{'dataType':'GPLong','value':2}}"), literals.toJson());

        GeoJsonFeatures buffers = EsriToGeoJson.convert(byKind.get(GpOutputKind.FEATURES).get("value"));
        assertEquals(2, buffers.featureCount());
        JsonNode first = buffers.featureCollection().at("/features/0");
        assertEquals("Polygon", first.at("/geometry/type").asText());
        assertTrue(signedArea(first.at("/geometry/coordinates/0")) > 0, "RFC 7946 exterior is counter-clockwise");
        assertEquals("Zurich", first.at("/properties/Name").asText());

        String rasterUrl = byKind.get(GpOutputKind.RASTER).at("/value/url").asText();
        Path target = OutputNames.resolveInside(folder, OutputNames.fromUrl(rasterUrl, "Output_Raster.tif"));
        WrittenFile raster;
        try (InputStream body = get(rasterUrl + "?token=" + token)) {
            raster = AtomicFiles.write(target, body);
        }
        assertTrue(target.getFileName().toString().endsWith(".tif"), target.toString());
        assertEquals(Files.size(target), raster.size());
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(target)) {
            assertEquals(2, in.read(head));
        }
        assertArrayEquals(new byte[]{'I', 'I'}, head, "a little-endian TIFF");
    }
}
