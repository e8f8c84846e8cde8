package org.giscamel.gp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web server on a free loopback port publishing one folder at {@code /inputs/}, as a deployment's web server
 * publishes {@code gis.gp.wps.reference-dir} for the WPS server; it remembers the file names asked for.
 */
final class FolderWebServer implements AutoCloseable {

    private final HttpServer server;
    private final Path folder;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    private FolderWebServer(Path folder) throws IOException {
        this.folder = folder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/inputs/", this::serve);
        server.start();
    }

    static FolderWebServer start(Path folder) throws IOException {
        return new FolderWebServer(folder);
    }

    /** The URL of the folder, without a trailing slash. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/inputs";
    }

    List<String> requested() {
        return List.copyOf(requested);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/inputs/".length());
        requested.add(name);
        Path file = folder.resolve(name);
        try (exchange) {
            if (name.isEmpty() || name.contains("/") || name.contains("..") || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] content = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
