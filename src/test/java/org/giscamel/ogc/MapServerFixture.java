package org.giscamel.ogc;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MapServer 8 (Debian {@code cgi-mapserver}) on loopback, serving a mapfile with a generated GeoTIFF
 * ({@code dem}, -10..10 degrees) and a GeoJSON polygon ({@code polys}, -5..5 degrees) over WMS, WFS and WCS,
 * following test-peers.md §7: Python's CGI server runs a wrapper that points MapServer at its config file
 * through {@code MAPSERVER_CONFIG_FILE} (MapServer 8 ignores {@code MS_CONFIG_FILE} and would read
 * {@code /etc/mapserver.conf}). Everything lives in a temporary directory that {@link #close()} removes.
 */
public final class MapServerFixture implements AutoCloseable {

    private static final Path MAPSERV = Path.of("/usr/lib/cgi-bin/mapserv");
    private static final Path GDAL_CREATE = Path.of("/usr/bin/gdal_create");
    /** Debian's interpreter: another python3 earlier on PATH (pyenv) may lack the CGI server's behaviour. */
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private static final String POLYGONS = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "square"},
              "geometry": {"type": "Polygon", "coordinates": [[[-5, -5], [5, -5], [5, 5], [-5, 5], [-5, -5]]]}}]}
            """;

    private final Path dir;
    private final int port;
    private final Process server;

    private MapServerFixture(Path dir, int port, Process server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    public static MapServerFixture start() throws IOException, InterruptedException {
        for (Path tool : List.of(MAPSERV, GDAL_CREATE, PYTHON)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: install the Debian packages cgi-mapserver, "
                        + "mapserver-bin and gdal-bin (.ci/run does)");
            }
        }
        Path dir = Files.createTempDirectory("mapserver-fixture").toRealPath();
        // Run as root, Python's CGI server switches to "nobody" before starting the script, which must then be
        // able to enter this directory and read the map data.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        runTool(dir, GDAL_CREATE.toString(), "-of", "GTiff", "-outsize", "64", "64", "-bands", "1", "-ot", "Byte",
                "-burn", "42", "-a_srs", "EPSG:4326", "-a_ullr", "-10", "10", "10", "-10", "dem.tif");
        Files.writeString(dir.resolve("polys.geojson"), POLYGONS);
        int port = freePort();
        Files.writeString(dir.resolve("test.map"), mapfile(dir, port));
        Files.writeString(dir.resolve("mapserver.conf"), config(dir));
        Path wrapper = Files.createDirectory(dir.resolve("cgi-bin")).resolve("ms");
        Files.writeString(wrapper, "#!/bin/sh\nexport MAPSERVER_CONFIG_FILE=" + dir.resolve("mapserver.conf")
                + "\nexec " + MAPSERV + "\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process server = new ProcessBuilder(PYTHON.toString(), "-m", "http.server", "--cgi", "--bind", "127.0.0.1",
                String.valueOf(port))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile())
                .start();
        MapServerFixture fixture = new MapServerFixture(dir, port, server);
        try {
            fixture.awaitCapabilities();
        } catch (RuntimeException e) {
            String log = fixture.serverLog();
            fixture.close();
            throw new IllegalStateException("MapServer did not come up; server log:\n" + log, e);
        }
        return fixture;
    }

    /** The MapServer endpoint, without request parameters. */
    public URI serviceUrl() {
        return URI.create("http://127.0.0.1:" + port + "/cgi-bin/ms");
    }

    /** The mapfile, which a {@code map=} parameter may also name (the config lets MapServer open files here only). */
    public Path mapfile() {
        return dir.resolve("test.map");
    }

    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitCapabilities() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(serviceUrl()
                + "?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")).timeout(Duration.ofSeconds(5)).build();
        Awaitility.await("MapServer WMS GetCapabilities").atMost(STARTUP).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!server.isAlive()) {
                        throw new IllegalStateException("the CGI server exited with " + server.exitValue());
                    }
                    HttpResponse<String> reply = http.send(probe, HttpResponse.BodyHandlers.ofString());
                    return reply.statusCode() == 200 && reply.body().contains("WMS_Capabilities");
                });
    }

    private String serverLog() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String mapfile(Path dir, int port) {
        return """
                MAP
                  NAME "test"
                  EXTENT -10 -10 10 10
                  SIZE 256 256
                  PROJECTION "init=epsg:4326" END
                  WEB
                    METADATA
                      "ows_enable_request" "*"
                      "ows_title" "GIS Camel test map"
                      "ows_abstract" "Raster and polygons generated by the test"
                      "ows_keywordlist" "test,camel"
                      "ows_contactorganization" "gis-camel-routes"
                      "ows_onlineresource" "http://127.0.0.1:%2$d/cgi-bin/ms?"
                      "wms_srs" "EPSG:4326 EPSG:3857"
                    END
                  END
                  LAYER
                    NAME "dem"
                    TYPE RASTER
                    STATUS ON
                    DATA "%1$s/dem.tif"
                    PROJECTION "init=epsg:4326" END
                    METADATA
                      "ows_title" "Elevation"
                      "wcs_label" "Elevation"
                      "wcs_rangeset_name" "band"
                      "wcs_rangeset_label" "band"
                    END
                  END
                  LAYER
                    NAME "polys"
                    TYPE POLYGON
                    STATUS ON
                    CONNECTIONTYPE OGR
                    CONNECTION "%1$s/polys.geojson"
                    PROJECTION "init=epsg:4326" END
                    METADATA
                      "ows_title" "Polygons"
                      "gml_include_items" "all"
                      "gml_featureid" "name"
                    END
                    CLASS
                      STYLE COLOR 200 0 0 END
                    END
                  END
                END
                """.formatted(dir, port);
    }

    /** MS_MAP_PATTERN keeps a {@code map=} parameter from opening any file outside this directory. */
    private static String config(Path dir) {
        return """
                CONFIG
                  ENV
                    MS_MAPFILE "%1$s/test.map"
                    MS_MAP_PATTERN "^%1$s/"
                  END
                  MAPS
                    PEERS "%1$s/test.map"
                  END
                END
                """.formatted(dir);
    }

    private static void runTool(Path dir, String... command) throws IOException, InterruptedException {
        Process tool = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            tool.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
