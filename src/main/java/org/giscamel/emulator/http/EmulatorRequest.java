package org.giscamel.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the emulators see it. Query parameters and form fields are merged into one parameter map,
 * because ArcGIS Server accepts every operation by GET and by POST alike. A body that looks like JSON is kept
 * as JSON whatever the Content-Type says, because SuperMap's own clients post JSON labelled as a form.
 */
public final class EmulatorRequest {

    private final String method;
    private final String path;
    private final Map<String, String> params;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final JsonNode jsonBody;
    private final Map<String, MultipartPart> parts;
    private Map<String, String> pathVariables = Map.of();

    EmulatorRequest(String method, String path, Map<String, String> params, Map<String, List<String>> headers,
                    byte[] body, JsonNode jsonBody, Map<String, MultipartPart> parts) {
        this.method = method;
        this.path = path;
        this.params = Collections.unmodifiableMap(params);
        this.headers = headers;
        this.body = body;
        this.jsonBody = jsonBody;
        this.parts = parts;
    }

    /** Builds a request from raw parts; used by the server and by unit tests of handlers. */
    public static EmulatorRequest of(String method, String path, String rawQuery, Map<String, List<String>> headers,
                                     byte[] body) {
        Map<String, String> params = new LinkedHashMap<>(parseUrlEncoded(rawQuery));
        String contentType = firstHeader(headers, "Content-Type").orElse("").toLowerCase(Locale.ROOT);
        JsonNode json = null;
        Map<String, MultipartPart> parts = Map.of();
        if (body.length > 0) {
            if (contentType.startsWith("multipart/form-data")) {
                parts = MultipartParser.parse(contentType, body);
                parts.values().stream().filter(p -> p.filename() == null)
                        .forEach(p -> params.put(p.name(), new String(p.content(), StandardCharsets.UTF_8)));
            } else {
                String text = new String(body, StandardCharsets.UTF_8).trim();
                if (text.startsWith("{") || text.startsWith("[")) {
                    json = Json.parseOrNull(text);
                }
                if (json == null && !text.isEmpty()) {
                    params.putAll(parseUrlEncoded(text));
                }
            }
        }
        String normalizedPath = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new EmulatorRequest(method.toUpperCase(Locale.ROOT), normalizedPath, params, headers, body, json, parts);
    }

    static Map<String, String> parseUrlEncoded(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // iClient 9.1.2 sends unencoded values such as keywords=[Elev]; keep what arrived.
            return s;
        }
    }

    private static Optional<String> firstHeader(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    public String method() {
        return method;
    }

    /** The decoded path without a trailing slash (esri-leaflet-gp adds one to task URLs). */
    public String path() {
        return path;
    }

    public Map<String, String> params() {
        return params;
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A parameter that is present and not blank. */
    public Optional<String> nonBlankParam(String name) {
        return param(name).filter(v -> !v.isBlank());
    }

    public Optional<String> header(String name) {
        return firstHeader(headers, name);
    }

    public Optional<String> cookie(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Cookie"))
                .flatMap(e -> e.getValue().stream())
                .flatMap(v -> java.util.Arrays.stream(v.split(";")))
                .map(String::trim)
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1))
                .findFirst();
    }

    public byte[] body() {
        return body;
    }

    /** The body parsed as JSON, if it was JSON (regardless of Content-Type). */
    public Optional<JsonNode> json() {
        return Optional.ofNullable(jsonBody);
    }

    public Optional<MultipartPart> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    /** Named segments captured by the route pattern, e.g. {@code {machine}}. */
    public String pathVariable(String name) {
        String value = pathVariables.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No path variable " + name + " in " + path);
        }
        return value;
    }

    void pathVariables(Map<String, String> values) {
        this.pathVariables = values;
    }

    /** ArcGIS clients send booleans as true, True or TRUE (Python's str(False) arrives as "False"). */
    public boolean booleanParam(String name, boolean defaultValue) {
        return param(name).filter(v -> !v.isBlank()).map(v -> v.equalsIgnoreCase("true")).orElse(defaultValue);
    }

    /** The {@code f} parameter, which ArcGIS defaults to html when absent. */
    public String format() {
        return param("f").filter(v -> !v.isBlank()).map(v -> v.toLowerCase(Locale.ROOT)).orElse("html");
    }
}
