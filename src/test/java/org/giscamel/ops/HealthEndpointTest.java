package org.giscamel.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /observe/health as configured in config/application.properties: UP only while every route is started. */
class HealthEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void healthIsUpWithRoutesStartedAndDownOnceARouteStops() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        main = new Main();
        main.setPropertyPlaceholderLocations("file:config/application.properties");
        main.addOverrideProperty("gis.observe.port", String.valueOf(port));
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:no-routes-here/*.yaml");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:heartbeat?period=60000").routeId("heartbeat").log("beat");
            }
        });
        CompletableFuture.runAsync(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String url = "http://127.0.0.1:" + port + "/observe/health";
        await().atMost(Duration.ofSeconds(30)).until(() -> body(url).contains("\"UP\""));

        CamelContext context = main.getCamelContext();
        context.getRouteController().stopRoute("heartbeat");
        await().atMost(Duration.ofSeconds(30)).until(() -> body(url).contains("\"DOWN\""));
        assertTrue(body(url + "?exposureLevel=full").contains("heartbeat"));
    }

    private String body(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception notYet) {
            return "";
        }
    }
}
