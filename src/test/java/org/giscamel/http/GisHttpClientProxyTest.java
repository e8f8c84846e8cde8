package org.giscamel.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.reply.PermanentServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls through a real forward proxy on loopback that asks for credentials. */
class GisHttpClientProxyTest {

    private static final String USER = "gis-proxy-user";
    private static final String PASSWORD = "pr0xy-s3cret";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    /** Resolvable by nobody: an answer can only have come through the proxy. */
    private static final URI BEHIND_PROXY = URI.create("http://arcgis.behind-proxy.invalid:6080/echo");

    private final EchoServer server = new EchoServer();
    private final ForwardProxy proxy;

    GisHttpClientProxyTest() throws IOException {
        proxy = new ForwardProxy(USER, PASSWORD, server.uri("/"));
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    private GisHttpClient through(String nonProxyHosts) {
        HttpSettings settings = HttpSettings.defaults();
        settings.setProxyHost(proxy.host());
        settings.setProxyPort(proxy.port());
        settings.setProxyUser(USER);
        settings.setProxyPassword(PASSWORD);
        settings.setNonProxyHosts(nonProxyHosts);
        return new GisHttpClient(settings);
    }

    @Test
    void callsGoThroughTheProxyWithItsCredentialsAndNoSecretIsLogged() {
        try (LogCapture ours = LogCapture.debug("org.giscamel.http");
             LogCapture camel = LogCapture.debug("org.apache.camel.component.http")) {
            GisHttpClient http = through(HttpSettings.LOOPBACK_HOSTS);
            JsonNode posted = http.call("generate token", GisRequest.postForm(BEHIND_PROXY, Map.of("f", "json")));
            JsonNode got = http.call("list services", GisRequest.get(BEHIND_PROXY).param("q", "a b"));

            assertEquals("POST", posted.path("method").asText());
            assertEquals("json", posted.path("params").path("f").asText(), "the form body survives the challenge");
            assertEquals("a b", got.path("params").path("q").asText());
            String logs = ours.text() + camel.text();
            assertTrue(logs.contains("through the HTTP proxy " + proxy.host() + ":" + proxy.port() + " as " + USER), logs);
            assertFalse(logs.contains(PASSWORD) || logs.contains(BASIC.substring(6)), logs);
        }
        List<ForwardProxy.Seen> seen = proxy.seen();
        assertEquals(new ForwardProxy.Seen("POST", BEHIND_PROXY.toString(), null, 407), seen.get(0),
                "the proxy's challenge");
        assertEquals(List.of(new ForwardProxy.Seen("POST", BEHIND_PROXY.toString(), BASIC, 200),
                        new ForwardProxy.Seen("GET", BEHIND_PROXY + "?q=a+b", BASIC, 200)), seen.subList(1, seen.size()),
                "after one challenge every request carries the credentials");
    }

    @Test
    void loopbackStaysDirectByDefault() {
        GisHttpClient http = through(HttpSettings.LOOPBACK_HOSTS);

        http.call("read info", GisRequest.get(server.uri("/echo")));
        http.call("read info", GisRequest.get(URI.create("http://localhost:" + server.port() + "/echo")));

        assertEquals(List.of(), proxy.seen());
    }

    @Test
    void nonProxyHostsInJavaSyntaxReplaceTheDefault() {
        GisHttpClient http = through("*.corp.invalid|127.0.0.1");

        http.call("read info", GisRequest.get(server.uri("/echo")));
        assertEquals(List.of(), proxy.seen(), "127.0.0.1 is listed");

        PermanentServerException direct = assertThrows(PermanentServerException.class,
                () -> http.call("read info", GisRequest.get(URI.create("http://gis.corp.invalid:6080/echo"))));
        assertTrue(direct.getMessage().contains("unknown host gis.corp.invalid:6080"), direct.getMessage());
        assertEquals(List.of(), proxy.seen(), "a name matching *.corp.invalid is looked up directly");

        URI localhost = URI.create("http://localhost:" + server.port() + "/echo");
        http.call("read info", GisRequest.get(localhost));
        assertEquals(localhost.toString(), proxy.seen().get(proxy.seen().size() - 1).target(),
                "localhost is no longer in the list");
    }
}
