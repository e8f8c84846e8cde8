package org.giscamel.http;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
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
        return currentVersion(new GisHttpClient(settings), uri);
    }

    private static String currentVersion(GisHttpClient http, URI uri) {
        return http.call("read info", GisRequest.get(uri)).path("currentVersion").asText();
    }

    /** What an operator declares as a bean for Camel components: the trust store, the Camel way. */
    static SSLContextParameters trustStoreParameters(Path trustStore) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore);
        store.setPassword(SelfSignedServer.TRUST_STORE_PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
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

    @Test
    void anSslContextParametersBeanOfTheRegistryIsTrustedAndStillChecksTheHostName() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("gisSsl", trustStoreParameters(server.trustStore()));
            HttpSettings settings = HttpSettings.defaults();
            settings.setSslContextParameters("#gisSsl");
            GisHttpClient http = new GisHttpClient(context, settings);

            assertEquals("11.3", currentVersion(http, server.uri("/arcgis/rest/info")));
            assertThrows(PermanentServerException.class, () -> currentVersion(http, server.uriByAddress("/arcgis/rest/info")));
        }
    }

    @Test
    void theContextsGlobalSslConfigurationIsTrustedWhenChosen() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.setSSLContextParameters(trustStoreParameters(server.trustStore()));
            HttpSettings settings = HttpSettings.defaults();
            settings.setUseGlobalSslContextParameters(true);

            assertEquals("11.3", currentVersion(new GisHttpClient(context, settings), server.uri("/arcgis/rest/info")));
            assertThrows(PermanentServerException.class, () -> currentVersion(new GisHttpClient(context,
                    HttpSettings.defaults()), server.uri("/arcgis/rest/info")), "only when chosen");
        }
    }

    @Test
    void aMissingBeanOrTwoWaysOfTrustStopTheClientFromBeingMade() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            HttpSettings missing = HttpSettings.defaults();
            missing.setSslContextParameters("#noSuchBean");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GisHttpClient(context, missing));
            assertTrue(e.getMessage().contains("no SSLContextParameters bean named noSuchBean"), e.getMessage());

            HttpSettings both = trusting();
            both.setUseGlobalSslContextParameters(true);
            e = assertThrows(IllegalArgumentException.class, () -> new GisHttpClient(context, both));
            assertTrue(e.getMessage().contains("Choose one way"), e.getMessage());
        }
    }
}
