package org.giscamel.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain HTTP forward proxy on loopback that asks for Basic credentials, as corporate proxies do, and records what
 * it saw. Every request it lets through goes to one upstream server whatever host it names, so a host name nobody
 * can resolve still gets an answer, through the proxy only.
 */
final class ForwardProxy implements AutoCloseable {

    /** One request as the proxy saw it: the absolute target URI, and the Proxy-Authorization header, if any. */
    record Seen(String method, String target, String proxyAuthorization, int answeredWith) {
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "proxy-authorization", "proxy-connection", "keep-alive", "transfer-encoding", "te");

    private final HttpServer server;
    private final HttpClient upstreamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final String expectedAuthorization;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    ForwardProxy(String user, String password, URI upstream) throws IOException {
        this.upstream = upstream;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String host() {
        return server.getAddress().getHostString();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestURI().toString();
            String authorization = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
            if (!expectedAuthorization.equals(authorization)) {
                seen.add(new Seen(exchange.getRequestMethod(), target, authorization, 407));
                exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"gis-test-proxy\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            HttpResponse<byte[]> reply = forward(exchange, body);
            seen.add(new Seen(exchange.getRequestMethod(), target, authorization, reply.statusCode()));
            reply.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            exchange.sendResponseHeaders(reply.statusCode(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        URI requested = exchange.getRequestURI();
        URI to = upstream.resolve(requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(to)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return upstreamClient.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
