package org.giscamel.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.http.EmulatorHttpServer;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.FaultInjector;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.http.Router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** A stub server that answers {@code /echo} with what it received, plus a few canned replies. */
final class EchoServer implements AutoCloseable {

    final FaultInjector faults = new FaultInjector();
    final Router router = new Router();
    private final EmulatorHttpServer server;

    EchoServer() {
        router.on(Set.of("GET", "POST", "PUT", "DELETE"), "/echo", EchoServer::echo);
        try {
            server = new EmulatorHttpServer("echo", 0, router, new ArcGisErrors(), faults, new RequestLog(), () -> {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return server.port();
    }

    private static EmulatorResponse echo(EmulatorRequest request) {
        ObjectNode out = Json.object().put("method", request.method());
        ObjectNode params = out.putObject("params");
        request.params().forEach(params::put);
        for (String header : List.of("Content-Type", "X-Esri-Authorization", "Cookie", "Referer")) {
            request.header(header).ifPresent(v -> out.put(header, v));
        }
        request.json().ifPresent(json -> out.set("json", json));
        request.part("file").ifPresent(part -> out.putObject("file").put("filename", part.filename())
                .put("content", new String(part.content(), StandardCharsets.UTF_8)));
        out.put("bodyLength", request.body().length);
        return EmulatorResponse.json(out);
    }

    @Override
    public void close() {
        server.close();
    }
}
