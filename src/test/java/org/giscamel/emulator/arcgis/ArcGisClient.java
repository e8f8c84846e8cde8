package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the ArcGIS emulator tests: GETs and form POSTs, as ArcGIS clients send them. */
final class ArcGisClient {

    /** One reply. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            JsonNode node = Json.parseOrNull(body);
            if (node == null) {
                throw new AssertionError("Not JSON (HTTP " + status + "): " + body);
            }
            return node;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ArcGisClient() {
    }

    /** {@code key=value&...}, URL-encoded; takes alternating keys and values. */
    static String form(String... keysAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(keysAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    /** GET with optional headers given as alternating names and values. */
    static Reply get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    static Reply post(String url, String form, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), headers);
    }

    private static Reply send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
