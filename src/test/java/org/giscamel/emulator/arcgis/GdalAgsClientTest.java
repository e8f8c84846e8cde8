package org.giscamel.emulator.arcgis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GDAL's own ArcGIS REST client, the WMS driver's AGS mini-driver (Debian {@code gdal-bin}, test-peers.md §6),
 * reads a catalog map service through {@code MapServer/export?f=image}: {@code gdal_translate} of an AGS service
 * description must give a GeoTIFF whose pixels are those of the image the emulator serves for that request.
 * Fails, never skips, without GDAL: CI installs it.
 */
class GdalAgsClientTest {

    private static final Path GDAL_TRANSLATE = Path.of("/usr/bin/gdal_translate");
    private static final int SIZE = 256;

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;

    @BeforeEach
    void start() throws IOException {
        if (!Files.isExecutable(GDAL_TRANSLATE)) {
            fail(GDAL_TRANSLATE + " is missing: install the Debian package gdal-bin (.ci/run does)");
        }
        arcgis = ArcGisTestSupport.start();
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    @ParameterizedTest(name = "EPSG:{0}")
    @CsvSource({"4326, -10, -10, 10, 10", "3857, -1113194.90793, -1118889.97486, 1113194.90793, 1118889.97486"})
    void gdalReadsTheMapServiceAsTheEmulatorDrawsIt(int srs, double xmin, double ymin, double xmax, double ymax)
            throws Exception {
        String service = arcgis.siteUrl() + "/rest/services/Basemaps/Streets/MapServer";
        Path xml = Files.writeString(dir.resolve("ags.xml"), """
                <GDAL_WMS>
                  <Service name="AGS">
                    <ServerUrl>%s</ServerUrl>
                    <BBoxOrder>xyXY</BBoxOrder>
                    <SRS>%d</SRS>
                    <Transparent>false</Transparent>
                  </Service>
                  <DataWindow>
                    <UpperLeftX>%s</UpperLeftX><UpperLeftY>%s</UpperLeftY>
                    <LowerRightX>%s</LowerRightX><LowerRightY>%s</LowerRightY>
                    <SizeX>%d</SizeX><SizeY>%d</SizeY>
                  </DataWindow>
                  <BlockSizeX>%d</BlockSizeX><BlockSizeY>%d</BlockSizeY>
                  <BandsCount>3</BandsCount>
                </GDAL_WMS>
                """.formatted(service, srs, xmin, ymax, xmax, ymin, SIZE, SIZE, SIZE, SIZE));
        Path tif = dir.resolve("out.tif");

        gdalTranslate(xml, tif);

        assertEquals(1, arcgis.requests().count("GET", "/arcgis/rest/services/Basemaps/Streets/MapServer/export"),
                arcgis.requests().entries()::toString);
        BufferedImage read = ImageIO.read(tif.toFile());
        assertEquals(SIZE, read.getWidth());
        assertEquals(SIZE, read.getHeight());
        BufferedImage served = served(service + "/export?f=image&bbox=" + bbox(xmin, ymin, xmax, ymax)
                + "&size=" + SIZE + "%2C" + SIZE + "&imageSR=" + srs + "&bboxSR=" + srs
                + "&format=png&layers=&transparent=false&time=");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int expected = served.getRGB(x, y) & 0xFFFFFF;
                int actual = read.getRGB(x, y) & 0xFFFFFF;
                if (expected != actual) {
                    fail("pixel (" + x + ", " + y + ") is " + Integer.toHexString(actual) + " in GDAL's GeoTIFF but "
                            + Integer.toHexString(expected) + " in the emulator's image");
                }
                colours.add(actual);
            }
        }
        assertTrue(colours.size() >= 3, "background, areas and points: " + colours.size() + " colours");
    }

    /** {@code xmin,ymin,xmax,ymax} with 8 decimals and an encoded comma, as the AGS mini-driver writes it. */
    private static String bbox(double xmin, double ymin, double xmax, double ymax) {
        return String.format(Locale.ROOT, "%.8f%%2C%.8f%%2C%.8f%%2C%.8f", xmin, ymin, xmax, ymax);
    }

    private void gdalTranslate(Path xml, Path tif) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(GDAL_TRANSLATE.toString(), "-q", "-of", "GTiff",
                xml.toString(), tif.toString())).directory(dir.toFile()).redirectErrorStream(true);
        // A proxy from the environment must not come between GDAL and the loopback emulator.
        builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        builder.environment().put("GDAL_HTTP_TIMEOUT", "30");
        Process gdal = builder.start();
        String output = new String(gdal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gdal.waitFor(60, TimeUnit.SECONDS) || gdal.exitValue() != 0) {
            gdal.destroyForcibly();
            fail("gdal_translate failed:\n" + output);
        }
    }

    private static BufferedImage served(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }
}
