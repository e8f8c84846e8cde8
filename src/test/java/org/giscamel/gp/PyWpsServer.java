package org.giscamel.gp;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A real PyWPS 4.5 server (Debian's python3-pywps, run by Debian's /usr/bin/python3) on a free loopback port,
 * serving the processes of {@code src/test/resources/wps/app.py} and its outputs. {@link #tiff()} is the GeoTIFF
 * the slowtiff process returns by reference, made by gdal_create.
 */
final class PyWpsServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private PyWpsServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    static PyWpsServer start(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("outputs"));
        Files.createDirectories(dir.resolve("work"));
        try (InputStream app = PyWpsServer.class.getResourceAsStream("/wps/app.py")) {
            Files.copy(app, dir.resolve("app.py"));
        }
        int port = freePort();
        Files.writeString(dir.resolve("pywps.cfg"), """
                [server]
                url=http://127.0.0.1:%1$d/wps
                outputurl=http://127.0.0.1:%1$d/outputs/
                outputpath=%2$s/outputs
                workdir=%2$s/work
                parallelprocesses=2
                [processing]
                mode=default
                [logging]
                level=INFO
                database=sqlite:///%2$s/pywps.db
                """.formatted(port, dir.toAbsolutePath()));
        run(dir, "gdal_create", "-of", "GTiff", "-outsize", "16", "16", "-bands", "1", "-burn", "7",
                "-a_srs", "EPSG:4326", "-a_ullr", "0", "16", "16", "0", "test.tif");
        Process process = new ProcessBuilder("/usr/bin/python3", "app.py", dir.toAbsolutePath().toString(),
                String.valueOf(port)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        PyWpsServer server = new PyWpsServer(process, port, dir);
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest capabilities = HttpRequest.newBuilder(URI.create(server.endpoint()
                    + "?service=WPS&request=GetCapabilities")).build();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> http.send(capabilities, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("PyWPS did not start: " + Files.readString(dir.resolve("server.log")), e);
        }
        return server;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port + "/wps";
    }

    Path tiff() {
        return dir.resolve("test.tif");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
