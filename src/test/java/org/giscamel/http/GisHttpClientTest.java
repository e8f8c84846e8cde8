package org.giscamel.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Fault;
import org.giscamel.emulator.http.FaultRule;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TokenRejectedException;
import org.giscamel.reply.TransientServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GisHttpClientTest {

    private final EchoServer server = new EchoServer();
    private final GisHttpClient http = new GisHttpClient(HttpSettings.defaults());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void formPostIsUtf8UrlEncoded() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Höhe & Tiefe = 2");
        form.put("f", "json");
        JsonNode echo = http.call("post form", GisRequest.postForm(server.uri("/echo"), form));
        assertEquals("POST", echo.path("method").asText());
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", echo.path("Content-Type").asText());
        assertEquals("Höhe & Tiefe = 2", echo.path("params").path("name").asText());
    }

    @Test
    void formFieldsStayOutOfTheUrl() {
        GisRequest request = GisRequest.postForm(server.uri("/echo?f=json"), Map.of("password", "hunter2"));
        assertEquals(server.uri("/echo?f=json"), request.uri());
    }

    @Test
    void getCarriesQueryParametersFromUriAndParam() {
        JsonNode echo = http.call("get", GisRequest.get(server.uri("/echo?f=json")).param("q", "a b/c"));
        assertEquals("GET", echo.path("method").asText());
        assertEquals("json", echo.path("params").path("f").asText());
        assertEquals("a b/c", echo.path("params").path("q").asText());
    }

    @Test
    void settingAParameterAgainReplacesIt() {
        GisRequest request = GisRequest.get(server.uri("/echo?token=old&f=json")).param("token", "new");
        assertEquals("new", http.call("get", request).path("params").path("token").asText());
        assertFalse(request.uri().toString().contains("old"));
    }

    @Test
    void jsonPostAndPutSendJson() {
        JsonNode post = http.call("post json", GisRequest.postJson(server.uri("/echo"), "{\"username\":\"ü\"}"));
        assertEquals("POST", post.path("method").asText());
        assertEquals("application/json; charset=UTF-8", post.path("Content-Type").asText());
        assertEquals("ü", post.path("json").path("username").asText());
        JsonNode put = http.call("put json", GisRequest.putJson(server.uri("/echo"), "{\"tags\":[\"a\"]}"));
        assertEquals("PUT", put.path("method").asText());
        assertEquals("a", put.path("json").path("tags").path(0).asText());
    }

    @Test
    void anXmlDocumentIsPostedAsUtf8TextXml() {
        String xml = "<wps:Execute xmlns:wps='http://www.opengis.net/wps/1.0.0'>ü</wps:Execute>";
        JsonNode echo = http.call("post xml", GisRequest.postXml(server.uri("/echo"), xml).param("a", "1"));
        assertEquals("POST", echo.path("method").asText());
        assertEquals("text/xml; charset=UTF-8", echo.path("Content-Type").asText());
        assertEquals(xml.getBytes(StandardCharsets.UTF_8).length, echo.path("bodyLength").asInt());
        assertEquals("1", echo.path("params").path("a").asText(), "a parameter goes to the query");
    }

    @Test
    void parameterOfAJsonRequestGoesToTheQuery() {
        JsonNode echo = http.call("post json", GisRequest.postJson(server.uri("/echo"), "{}").param("token", "t1"));
        assertEquals("t1", echo.path("params").path("token").asText());
    }

    @Test
    void deleteSendsQueryAndNoBody() {
        JsonNode echo = http.call("delete", GisRequest.delete(server.uri("/echo")).param("ids", "[1,2]"));
        assertEquals("DELETE", echo.path("method").asText());
        assertEquals("[1,2]", echo.path("params").path("ids").asText());
        assertEquals(0, echo.path("bodyLength").asInt());
    }

    @Test
    void extraHeadersArrive() {
        JsonNode echo = http.call("headers", GisRequest.get(server.uri("/echo"))
                .header("X-Esri-Authorization", "Bearer t").header("Cookie", "JSESSIONID=s").header("Referer", "app"));
        assertEquals("Bearer t", echo.path("X-Esri-Authorization").asText());
        assertEquals("JSESSIONID=s", echo.path("Cookie").asText());
        assertEquals("app", echo.path("Referer").asText());
    }

    @Test
    void multipartUploadSendsFieldsAndTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("input.csv"), "id,name\n1,Ä\n");
        JsonNode echo = http.call("upload", GisRequest.upload(server.uri("/echo"), Map.of("description", "zone", "f", "json"),
                "file", file, "text/csv"));
        assertTrue(echo.path("Content-Type").asText().startsWith("multipart/form-data; boundary="));
        assertEquals("zone", echo.path("params").path("description").asText());
        assertEquals("input.csv", echo.path("file").path("filename").asText());
        assertEquals("id,name\n1,Ä\n", echo.path("file").path("content").asText());
    }

    @Test
    void uploadOfAMissingFileIsPermanent(@TempDir Path dir) {
        GisRequest request = GisRequest.upload(server.uri("/echo"), Map.of(), "file", dir.resolve("gone.zip"), null);
        assertThrows(PermanentServerException.class, () -> http.send("upload", request));
    }

    @Test
    void downloadStreamsTheWholeBody() throws Exception {
        long size = 5L * 1024 * 1024 + 17;
        server.router.get("/big.tif", request -> EmulatorResponse.stream("image/tiff", size, out -> pattern(out, size)));
        MessageDigest expected = sha256();
        pattern(new DigestOutputStream(OutputStream.nullOutputStream(), expected), size);

        String digest = http.download("download raster", GisRequest.get(server.uri("/big.tif")), (headers, body) -> {
            MessageDigest actual = sha256();
            try (var out = new DigestOutputStream(OutputStream.nullOutputStream(), actual)) {
                body.transferTo(out);
            }
            return HexFormat.of().formatHex(actual.digest());
        });
        assertEquals(HexFormat.of().formatHex(expected.digest()), digest);
    }

    @Test
    void downloadOfAnErrorEnvelopeRaisesAndNeverCallsTheHandler() {
        server.router.get("/out.tif", request -> EmulatorResponse.json(ArcGisErrors.invalidToken()));
        AtomicBoolean handled = new AtomicBoolean();
        assertThrows(TokenRejectedException.class, () -> http.download("download raster",
                GisRequest.get(server.uri("/out.tif")), (headers, body) -> handled.getAndSet(true)));
        assertFalse(handled.get());
    }

    @Test
    void downloadOfASmallJsonFileHandsItOver() {
        server.router.get("/out.json", request -> EmulatorResponse.text(200, "application/json", "{\"features\":[]}"));
        String body = http.download("download json", GisRequest.get(server.uri("/out.json")),
                (headers, in) -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("{\"features\":[]}", body);
    }

    @Test
    void downloadOfAServerErrorIsTransient() {
        server.faults.arm(Fault.HTTP_503, "/big.tif", 1);
        server.router.get("/big.tif", request -> EmulatorResponse.text(200, "image/tiff", "x"));
        assertThrows(TransientServerException.class,
                () -> http.download("download raster", GisRequest.get(server.uri("/big.tif")), (h, in) -> null));
    }

    @Test
    void redirectIsFollowedWithTheSameMethodAndBody() {
        server.router.post("/old", request -> EmulatorResponse.empty(301).header("Location", "/echo"));
        JsonNode echo = http.call("join site", GisRequest.postForm(server.uri("/old"), Map.of("adminURL", "u")));
        assertEquals("POST", echo.path("method").asText());
        assertEquals("u", echo.path("params").path("adminURL").asText());
    }

    @Test
    void redirectToAnotherHostIsNotFollowed() {
        server.router.post("/away", request -> EmulatorResponse.empty(302).header("Location", "http://elsewhere.invalid/x"));
        HttpReply reply = http.send("join site", GisRequest.postForm(server.uri("/away"), Map.of("password", "p")));
        assertEquals(302, reply.status());
        assertThrows(PermanentServerException.class, () -> reply.checked("join site"));
    }

    @Test
    void redirectLoopStopsAfterTheLimit() {
        AtomicInteger hops = new AtomicInteger();
        server.router.get("/loop", request -> {
            hops.incrementAndGet();
            return EmulatorResponse.empty(307).header("Location", "/loop");
        });
        assertEquals(307, http.send("loop", GisRequest.get(server.uri("/loop"))).status());
        assertEquals(GisHttpClient.MAX_REDIRECTS + 1, hops.get());
    }

    @Test
    void resetConnectionIsTransient() {
        // A POST, which must never be repeated behind the flow's back; automatic retries are off for every method.
        server.faults.arm(Fault.CONNECTION_RESET, "/echo", 1);
        TransientServerException e = assertThrows(TransientServerException.class,
                () -> http.send("join site", GisRequest.postForm(server.uri("/echo"), Map.of("f", "json"))));
        assertEquals(TransientServerException.Reason.CONNECTION_RESET, e.reason());
    }

    @Test
    void refusedConnectionIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TransientServerException e = assertThrows(TransientServerException.class,
                () -> http.send("list machines", GisRequest.get(URI.create("http://127.0.0.1:" + closedPort + "/x"))));
        assertEquals(TransientServerException.Reason.CONNECTION_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void unknownHostIsPermanent() {
        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> http.send("list machines", GisRequest.get(URI.create("http://no-such-host.invalid:6443/arcgis?token=t"))));
        assertTrue(e.getMessage().contains("unknown host no-such-host.invalid:6443"), e.getMessage());
    }

    @Test
    void slowReplyTimesOutAsTransient() {
        server.faults.arm(new FaultRule(Fault.HANG, null, "/echo", 1, 0));
        TransientServerException e = assertThrows(TransientServerException.class,
                () -> http.send("list machines", GisRequest.get(server.uri("/echo")).timeout(Duration.ofMillis(300))));
        assertEquals(TransientServerException.Reason.TIMEOUT, e.reason());
    }

    @Test
    void debugLogShowsStepMethodAndSafeUrlButNoSecrets() {
        try (LogCapture log = LogCapture.debug("org.giscamel.http")) {
            http.call("generate token", GisRequest.postForm(server.uri("/echo?f=json"), Map.of("password", "hunter2"))
                    .param("token", "tok-secret"));
            http.call("list", GisRequest.get(server.uri("/echo")).param("token", "tok-in-url"));
            String text = log.text();
            assertTrue(text.contains("generate token: POST " + server.uri("/echo?f=json")), text);
            assertTrue(text.contains("list: GET " + server.uri("/echo?token=***")), text);
            assertFalse(text.contains("hunter2") || text.contains("tok-secret") || text.contains("tok-in-url"), text);
        }
    }

    private static void pattern(OutputStream out, long size) throws IOException {
        byte[] block = new byte[8192];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        for (long written = 0; written < size; written += block.length) {
            out.write(block, 0, (int) Math.min(block.length, size - written));
        }
        out.flush();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
