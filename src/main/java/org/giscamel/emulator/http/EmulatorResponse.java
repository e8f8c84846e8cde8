package org.giscamel.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reply from an emulator handler. Bodies are written by a {@link BodyWriter} so that large rasters stream
 * straight to the socket instead of being built in memory.
 */
public final class EmulatorResponse {

    /** Writes a body to the socket. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The status recorded for a dropped connection, as for the {@link Fault#CONNECTION_RESET} fault. */
    static final int DROPPED = -1;

    private final int status;
    private final String contentType;
    private final long contentLength;
    private final BodyWriter body;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();

    private EmulatorResponse(int status, String contentType, long contentLength, BodyWriter body) {
        this.status = status;
        this.contentType = contentType;
        this.contentLength = contentLength;
        this.body = body;
    }

    public static EmulatorResponse json(JsonNode node) {
        return json(200, node);
    }

    public static EmulatorResponse json(int status, JsonNode node) {
        return bytes(status, "application/json;charset=UTF-8", Json.bytes(node));
    }

    public static EmulatorResponse text(int status, String contentType, String text) {
        return bytes(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public static EmulatorResponse bytes(int status, String contentType, byte[] bytes) {
        return new EmulatorResponse(status, contentType, bytes.length, out -> out.write(bytes));
    }

    /** A streamed body of known length; {@code length} may be -1 for chunked transfer. */
    public static EmulatorResponse stream(String contentType, long length, BodyWriter writer) {
        return new EmulatorResponse(200, contentType, length, writer);
    }

    public static EmulatorResponse empty(int status) {
        return new EmulatorResponse(status, null, -1, null);
    }

    /** No reply at all: the connection is closed before any header, as a server that is going down does. */
    public static EmulatorResponse dropConnection() {
        return new EmulatorResponse(DROPPED, null, -1, null);
    }

    public boolean dropsConnection() {
        return status == DROPPED;
    }

    /** The same reply under another Content-Type, e.g. JSON labelled as a server's proxy labels it. */
    public EmulatorResponse withContentType(String newContentType) {
        EmulatorResponse copy = new EmulatorResponse(status, newContentType, contentLength, body);
        copy.headers.addAll(headers);
        return copy;
    }

    public EmulatorResponse header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public long contentLength() {
        return contentLength;
    }

    public BodyWriter body() {
        return body;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The body as a string; for tests and small replies only. */
    public String bodyAsString() {
        if (body == null) {
            return "";
        }
        var out = new java.io.ByteArrayOutputStream();
        try {
            body.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
