package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A raw HTTP client for the portal tests: sends exactly what a test writes, query strings included. */
final class PortalClient {

    /** One reply. */
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            JsonNode node = Json.parseOrNull(body);
            if (node == null) {
                throw new AssertionError("Not JSON (HTTP " + status + "): " + body);
            }
            return node;
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private String cookie;

    PortalClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends {@code JSESSIONID=<session>} with every later request; null stops sending it. */
    PortalClient session(String session) {
        this.cookie = session == null ? null : "JSESSIONID=" + session;
        return this;
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    Reply head(String pathAndQuery) {
        return send("HEAD", pathAndQuery, null, null);
    }

    Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null, null);
    }

    Reply postJson(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, "application/json", json);
    }

    /** A JSON body under a form Content-Type, exactly as iClient sends it. */
    Reply postJsonAsForm(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, "application/x-www-form-urlencoded; charset=UTF-8", json);
    }

    Reply postForm(String pathAndQuery, String form) {
        return send("POST", pathAndQuery, "application/x-www-form-urlencoded", form);
    }

    Reply putJson(String pathAndQuery, String json) {
        return send("PUT", pathAndQuery, "application/json", json);
    }

    Reply send(String method, String pathAndQuery, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
