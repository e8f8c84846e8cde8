package org.giscamel.ops;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;

/**
 * camel-main as the application configures it (config/application.properties, its management server), with the
 * given configurations and overrides, and no route files unless an override names some.
 */
final class ObservedApp implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Main main;
    private final int port;

    private ObservedApp(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    static ObservedApp start(List<CamelConfiguration> configurations, Map<String, String> overrides)
            throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:config/application.properties");
        main.addOverrideProperty("gis.observe.port", String.valueOf(port));
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:no-routes-here/*.yaml");
        overrides.forEach(main::addOverrideProperty);
        configurations.forEach(main.configure()::addConfiguration);
        CompletableFuture.runAsync(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ObservedApp app = new ObservedApp(main, port);
        await().atMost(Duration.ofSeconds(30)).until(() -> app.get("/observe/health/live").statusCode() == 200);
        return app;
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    /** GET on the management server; status -1 while it does not answer. */
    Reply get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException | InterruptedException notYet) {
            return new Reply(-1, "");
        }
    }

    record Reply(int statusCode, String body) {
    }

    @Override
    public void close() {
        main.stop();
    }
}
