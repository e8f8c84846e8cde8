package org.giscamel.http;

import org.giscamel.reply.PermanentServerException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GisHttpClientTlsTest {

    private static final String INFO = "{\"currentVersion\":11.3}";

    @TempDir
    static Path dir;
    private static SelfSignedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new SelfSignedServer(dir, Map.of("/arcgis/rest/info", SelfSignedServer.json(INFO)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpSettings trusting() {
        HttpSettings settings = HttpSettings.defaults();
        settings.setTrustStorePath(server.trustStore().toString());
        settings.setTrustStorePassword(SelfSignedServer.TRUST_STORE_PASSWORD);
        settings.setTrustStoreType("PKCS12");
        return settings;
    }

    private static String currentVersion(HttpSettings settings, URI uri) {
        return new GisHttpClient(settings).call("read info", GisRequest.get(uri)).path("currentVersion").asText();
    }

    @Test
    void selfSignedServerIsTrustedThroughTheTrustStore() {
        assertEquals("11.3", currentVersion(trusting(), server.uri("/arcgis/rest/info")));
    }

    @Test
    void selfSignedServerIsRefusedByDefaultAsAPermanentFailure() {
        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> currentVersion(HttpSettings.defaults(), server.uri("/arcgis/rest/info")));
        assertTrue(e.getMessage().contains("TLS failure with localhost"), e.getMessage());
    }

    @Test
    void trustStoreStillChecksTheHostName() {
        assertThrows(PermanentServerException.class, () -> currentVersion(trusting(), server.uriByAddress("/arcgis/rest/info")));
    }

    @Test
    void trustAllAcceptsAnyCertificateAndName() {
        HttpSettings settings = HttpSettings.defaults();
        settings.setTrustAllCertificates(true);
        assertEquals("11.3", currentVersion(settings, server.uriByAddress("/arcgis/rest/info")));
    }
}
