package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.EmulatorHttpServer;
import org.giscamel.emulator.http.FaultInjector;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.TokenAuthority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A GP-only emulated site on a free port: router, token authority, HTTP server and a small client. */
final class GpTestSite implements AutoCloseable {

    static final String SERVICES = "/arcgis/rest/services/";
    static final String BUFFER_TASK = SERVICES + "Demo/BufferPoints/GPServer/BufferPoints";
    static final String SYNC_TASK = SERVICES + "Demo/BufferPointsSync/GPServer/BufferPoints";
    static final String RASTER_INFO_TASK = SERVICES + "Demo/RasterInfo/GPServer/RasterInfo";
    static final String RESULT_MAP = SERVICES + "Demo/BufferPoints/MapServer";

    static final String POINTS = """
            {"geometryType":"esriGeometryPoint","spatialReference":{"wkid":4326},
             "fields":[{"name":"OBJECTID","type":"esriFieldTypeOID","alias":"OBJECTID"},
                       {"name":"Name","type":"esriFieldTypeString","alias":"Name"}],
             "features":[{"geometry":{"x":-104.44,"y":34.83},"attributes":{"OBJECTID":1,"Name":"Incident"}},
                         {"geometry":{"x":-104.40,"y":34.80},"attributes":{"OBJECTID":2,"Name":"Station"}}]}""";
    static final String DISTANCE = "{\"distance\":500,\"units\":\"esriMeters\"}";

    final ArcGisEmulatorConfig config;
    final GeoprocessingApi gp;
    final ServiceCatalog catalog;
    final TokenAuthority tokens;
    final String token;
    private final EmulatorHttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    private GpTestSite(GpSettings settings, Clock clock) throws IOException {
        config = ArcGisEmulatorConfig.defaults();
        config.clock = clock;
        tokens = new TokenAuthority(clock, 60, 24 * 60);
        // the clock may be moved by hours; the token must outlive any test
        token = tokens.issue("gpuser", 24 * 60L).value();
        catalog = new ServiceCatalog();
        gp = new GeoprocessingApi(config.gpHost(), settings, tokens, catalog);
        Router router = gp.register(new Router());
        server = new EmulatorHttpServer("gp-test", 0, router, new ArcGisErrors(), new FaultInjector(), new RequestLog(),
                tokens::expireAll);
    }

    static GpTestSite start(GpSettings settings) throws IOException {
        return new GpTestSite(settings, Clock.systemUTC());
    }

    static GpTestSite start(GpSettings settings, Clock clock) throws IOException {
        return new GpTestSite(settings, clock);
    }

    String url(String pathAndQuery) {
        return server.baseUrl() + pathAndQuery;
    }

    /** GET with {@code f=json} and the token. */
    JsonNode get(String path) {
        return json(send(HttpRequest.newBuilder(URI.create(url(path + (path.contains("?") ? "&" : "?")
                + "f=json&token=" + token))).GET().build()));
    }

    /** POST form-encoded with {@code f=json} and the token, as REST-JS does. */
    JsonNode post(String path, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        body.putIfAbsent("f", "json");
        body.putIfAbsent("token", token);
        return json(send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(body))).build()));
    }

    JsonNode post(String path) {
        return post(path, Map.of());
    }

    /** Submits a BufferPoints job with the test points and returns its id. */
    String submitBufferJob() {
        JsonNode reply = post(BUFFER_TASK + "/submitJob", Map.of("Input_Features", POINTS, "Distance", DISTANCE));
        assertNotNull(reply.get("jobId"), reply.toString());
        return reply.get("jobId").asText();
    }

    GpJob job(String jobId) {
        return gp.jobs().find(jobId).orElseThrow();
    }

    HttpResponse<byte[]> getBytes(String absoluteUrl) {
        return sendBytes(HttpRequest.newBuilder(URI.create(absoluteUrl)).GET().build());
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    static JsonNode json(HttpResponse<String> response) {
        JsonNode node = Json.parseOrNull(response.body());
        assertNotNull(node, "not JSON: " + response.body());
        return node;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        server.close();
    }
}
