package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import static org.giscamel.emulator.arcgis.ArcGisClient.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code …/MapServer/export} on the catalog's map services, as GDAL, QGIS and the JSAPI call it. The demo layers
 * are a checkerboard of 10-degree cells ({@code [0,10)x[0,10)} filled) and points at the empty cells' centres,
 * so a pixel's colour says whether the map was drawn in the right place.
 */
class MapServerExportTest {

    private static final int WHITE = 0xFFFFFF;
    private static final String DEGREES = "&bboxSR=4326&imageSR=4326";
    /** -10..10 degrees in 256 pixels: (160, 100) lies in the filled cell [0,10)x[0,10), (60, 100) in an empty one. */
    private static final String AROUND_ORIGIN = "bbox=-10,-10,10,10&size=256,256" + DEGREES;

    private final HttpClient http = HttpClient.newHttpClient();
    private ArcGisEmulator arcgis;
    private String services;

    @BeforeEach
    void start() throws IOException {
        arcgis = ArcGisTestSupport.start();
        services = arcgis.siteUrl() + "/rest/services";
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    private HttpResponse<byte[]> fetch(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private BufferedImage image(String service, String query) {
        HttpResponse<byte[]> response = fetch(services + "/" + service + "/MapServer/export?f=image&" + query);
        assertEquals(200, response.statusCode());
        return decode(response);
    }

    private static BufferedImage decode(HttpResponse<byte[]> response) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
            if (image == null) {
                throw new AssertionError("not an image (" + response.headers().firstValue("Content-Type").orElse("")
                        + "): " + new String(response.body()));
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode json(String service, String query) {
        return get(services + "/" + service + "/MapServer/export?f=json&" + query).json();
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static boolean reddish(int rgb) {
        return (rgb >> 16 & 0xFF) > 150 && (rgb >> 8 & 0xFF) < 100;
    }

    @Test
    void anImageHasTheRequestedSizeAndTheLayersWhereTheyBelong() {
        HttpResponse<byte[]> response = fetch(services + "/SampleWorldCities/MapServer/export?f=image&format=png&"
                + AROUND_ORIGIN);
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = decode(response);

        assertEquals(256, image.getWidth());
        assertEquals(256, image.getHeight());
        assertNotEquals(WHITE, rgb(image, 160, 100), "the filled cell [0,10)x[0,10)");
        assertEquals(WHITE, rgb(image, 60, 100), "the empty cell [-10,0)x[0,10)");
        assertTrue(reddish(rgb(image, 64, 64)), "the point at (-5, 5): " + Integer.toHexString(rgb(image, 64, 64)));
    }

    @Test
    void withoutSpatialReferencesTheBboxAndTheImageAreInTheMapsWebMercator() {
        // 0..10 degrees of longitude in metres; the filled cell [0,10)x[0,10) covers the middle of the image
        String bbox = "bbox=0,0,1113194.9,1118889.97&size=100,100";
        BufferedImage image = image("Hydrography", bbox);
        assertNotEquals(WHITE, rgb(image, 50, 50));

        JsonNode export = json("Hydrography", bbox);
        assertEquals(102100, export.at("/extent/spatialReference/wkid").asInt());
        assertEquals(3857, export.at("/extent/spatialReference/latestWkid").asInt());
        assertEquals(1118889.97, export.at("/extent/ymax").asDouble(), 1e-6, "the taller side is kept");
    }

    @Test
    void aBboxInDegreesIsDrawnInTheImageSpatialReferenceAsked() {
        JsonNode export = json("Basemaps/Streets", "bbox=0,0,10,10&size=200,200&bboxSR=4326&imageSR=3857");
        assertEquals(3857, export.at("/extent/spatialReference/latestWkid").asInt());
        assertEquals(1_118_889.97, export.at("/extent/ymax").asDouble(), 0.01, "10 degrees north in metres");

        BufferedImage mercator = image("Basemaps/Streets", "bbox=-10,-10,10,10&size=200,200&bboxSR=4326&imageSR=3857");
        assertNotEquals(WHITE, rgb(mercator, 150, 50));
        assertEquals(WHITE, rgb(mercator, 30, 70));
    }

    @Test
    void jsonGivesTheHrefOfTheSameImageTheAspectCorrectedExtentAndTheScale() {
        JsonNode export = json("SampleWorldCities", "bbox=-10,-10,10,10&size=400,200&format=png" + DEGREES);
        assertEquals(400, export.path("width").asInt());
        assertEquals(200, export.path("height").asInt());
        assertEquals(20.0, export.at("/extent/ymax").asDouble() - export.at("/extent/ymin").asDouble(), 1e-9);
        assertEquals(40.0, export.at("/extent/xmax").asDouble() - export.at("/extent/xmin").asDouble(), 1e-9,
                "widened to the image's 2:1 aspect");
        assertEquals(4326, export.at("/extent/spatialReference/wkid").asInt());
        assertTrue(export.path("scale").asDouble() > 0);
        String href = export.path("href").asText();
        assertTrue(href.startsWith(arcgis.siteUrl() + "/rest/directories/arcgisoutput/SampleWorldCities_MapServer/_ags_map"),
                href);

        byte[] direct = fetch(services + "/SampleWorldCities/MapServer/export?f=image&bbox=-10,-10,10,10&size=400,200"
                + "&format=png" + DEGREES).body();
        HttpResponse<byte[]> stored = fetch(href);
        assertEquals("image/png", stored.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(direct, stored.body());
    }

    @Test
    void acceptsGdalsRequestWithEightDecimalsAndEmptyLayersAndTime() {
        BufferedImage image = image("SampleWorldCities", "bbox=-10.00000000%2C-10.00000000%2C10.00000000%2C10.00000000"
                + "&size=256%2C256&imageSR=4326&bboxSR=4326&format=png&layers=&transparent=false&time=");
        assertEquals(256, image.getWidth());
        assertNotEquals(WHITE, rgb(image, 160, 100));
    }

    @Test
    void acceptsQgisUpperCasePngShowLayersAndTransparency() {
        BufferedImage image = image("SampleWorldCities", AROUND_ORIGIN + "&format=PNG&layers=show:0&transparent=true");
        assertEquals(0, image.getRGB(60, 100) >>> 24, "transparent where nothing is drawn");
        assertEquals(0, image.getRGB(160, 100) >>> 24, "layer 1, the areas, is not shown");
        assertTrue(reddish(rgb(image, 64, 64)), "layer 0, the points, is");
    }

    @Test
    void hideLeavesOutTheLayersItNames() {
        BufferedImage areasOnly = image("SampleWorldCities", AROUND_ORIGIN + "&layers=hide:0");
        assertEquals(WHITE, rgb(areasOnly, 64, 64), "no point");
        assertNotEquals(WHITE, rgb(areasOnly, 160, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "gif", "bmp", "png8", "png24", "png32"})
    void theAdvertisedFormatsAreEncoded(String format) {
        BufferedImage image = image("SampleWorldCities", AROUND_ORIGIN + "&format=" + format);
        assertEquals(256, image.getHeight());
        assertTrue(get(services + "/SampleWorldCities/MapServer?f=json").json().path("supportedImageFormatTypes")
                .asText().contains(format.toUpperCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bbox=1,2,3", "size=256,256", "bbox=10,10,-10,-10", "bbox=a,b,c,d", "bbox=-10,-10,10,10&size=0,10",
            "bbox=-10,-10,10,10&size=5000,10", "bbox=-10,-10,10,10&format=pdf", "bbox=-10,-10,10,10&imageSR=2056",
            "bbox=-10,-10,10,10&bboxSR=wgs84", "bbox=-10,-10,10,10&layers=show:a", "bbox=-10,-10,10,10&layers=only:0",
            "bbox=-10,-10,10,10&dpi=high"})
    void aParameterItCannotHonourIsAServicesErrorWithHttp200(String query) {
        for (String f : List.of("json", "image")) {
            ArcGisClient.Reply reply = get(services + "/SampleWorldCities/MapServer/export?f=" + f + "&" + query);
            assertEquals(200, reply.status());
            assertEquals(400, reply.json().at("/error/code").asInt(), reply.body());
            assertEquals("Unable to complete operation.", reply.json().at("/error/message").asText());
        }
    }

    @Test
    void aSecuredFoldersMapServiceAndItsImagesNeedAToken() {
        String url = services + "/Secured/Parcels/MapServer/export?f=json&" + AROUND_ORIGIN;
        assertEquals(499, get(url).json().at("/error/code").asInt());
        assertEquals(498, get(url + "&token=nope").json().at("/error/code").asInt());

        String token = ArcGisTestSupport.servicesToken(arcgis);
        String href = get(url + "&token=" + token).json().path("href").asText();
        assertTrue(href.contains("/arcgisoutput/Secured/Parcels_MapServer/"), href);
        assertEquals(499, get(href).json().at("/error/code").asInt());
        assertEquals(256, decode(fetch(href + "?token=" + token)).getWidth());
        assertEquals(256, decode(fetch(services + "/Secured/Parcels/MapServer/export?f=image&" + AROUND_ORIGIN
                + "&token=" + token)).getWidth());
    }

    @Test
    void everyMapServiceOfTheCatalogExportsIncludingOnesAddedAtRunTime() {
        arcgis.catalog().add("Added/Rivers", "MapServer");
        arcgis.catalog().generate(3, 0);
        String token = ArcGisTestSupport.servicesToken(arcgis);
        List<String> mapServices = new ArrayList<>();
        List<String> folders = new ArrayList<>(arcgis.catalog().folders());
        folders.add(ServiceCatalog.ROOT);
        for (String folder : folders) {
            arcgis.catalog().services(folder).stream().filter(s -> s.type().equals("MapServer"))
                    .forEach(s -> mapServices.add(s.name()));
        }
        assertTrue(mapServices.containsAll(List.of("SampleWorldCities", "Basemaps/Streets", "Secured/Parcels",
                "Demo/BufferPoints", "Added/Rivers")), mapServices::toString);
        for (String name : mapServices) {
            JsonNode export = json(name, AROUND_ORIGIN + "&token=" + token);
            assertEquals(256, export.path("width").asInt(), name + ": " + export);
            assertEquals(256, decode(fetch(export.path("href").asText() + "?token=" + token)).getHeight(), name);
        }
    }

    @Test
    void otherServiceTypesHaveNoExport() {
        assertEquals("Invalid URL", get(services + "/Hydrography/FeatureServer/export?f=json&" + AROUND_ORIGIN)
                .json().at("/error/message").asText());
    }

    @Test
    void anHrefThatWasNeverExportedIsNotFound() {
        assertEquals(404, get(arcgis.siteUrl() + "/rest/directories/arcgisoutput/SampleWorldCities_MapServer/"
                + "_ags_mapnothing.png").json().at("/error/code").asInt());
    }
}
