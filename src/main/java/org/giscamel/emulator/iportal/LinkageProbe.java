package org.giscamel.emulator.iportal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * iPortal's check at registration that a service "is really available": the address must answer a GET with a
 * status below 400. The address is never logged, as it may carry a token.
 */
final class LinkageProbe {

    private final HttpClient client;
    private final Duration timeout;

    LinkageProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    boolean reachable(String linkage) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(linkage)).timeout(timeout).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 400;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
