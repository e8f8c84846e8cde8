package org.giscamel.http;

import org.apache.camel.main.Main;
import org.giscamel.wiring.GisBeans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Camel ways of configuring TLS, as an operator writes them in application.properties, reach the application's
 * {@code gisHttpClient}: Camel's global {@code camel.ssl.*}, or an {@code SSLContextParameters} bean.
 */
class CamelMainTlsTest {

    @TempDir
    static Path dir;
    private static SelfSignedServer server;
    private Main main;

    @BeforeAll
    static void startServer() throws Exception {
        server = new SelfSignedServer(dir, Map.of("/arcgis/rest/info", SelfSignedServer.json("{\"currentVersion\":11.5}")));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stop() {
        main.stop();
    }

    private String currentVersion(Map<String, String> properties) throws Exception {
        main = new Main();
        properties.forEach(main::addOverrideProperty);
        main.configure().addConfiguration(new GisBeans());
        main.start();
        GisHttpClient http = main.getCamelContext().getRegistry().lookupByNameAndType("gisHttpClient", GisHttpClient.class);
        return http.call("read info", GisRequest.get(server.uri("/arcgis/rest/info"))).path("currentVersion").asText();
    }

    @Test
    void camelsGlobalSslConfigurationIsUsedWhenChosen() throws Exception {
        assertEquals("11.5", currentVersion(Map.of(
                "camel.ssl.enabled", "true",
                "camel.ssl.trust-store", "file:" + server.trustStore(),
                "camel.ssl.trust-store-password", SelfSignedServer.TRUST_STORE_PASSWORD,
                "gis.http.use-global-ssl-context-parameters", "true")));
    }

    @Test
    void anSslContextParametersBeanDeclaredWithCamelBeansIsUsed() throws Exception {
        assertEquals("11.5", currentVersion(Map.of(
                "camel.beans.gisSsl", "#class:org.apache.camel.support.jsse.SSLContextParameters",
                "camel.beans.gisSsl.trustManagers.keyStore.resource", "file:" + server.trustStore(),
                "camel.beans.gisSsl.trustManagers.keyStore.password", SelfSignedServer.TRUST_STORE_PASSWORD,
                "camel.beans.gisSsl.trustManagers.keyStore.type", "PKCS12",
                "gis.http.ssl-context-parameters", "#gisSsl")));
    }
}
