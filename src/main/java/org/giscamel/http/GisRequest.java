package org.giscamel.http;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One request to a GIS server, immutable. Parameters set with {@link #param} go where the server reads them: into
 * the form body of a form or multipart POST (the ArcGIS admin API wants its token there), otherwise into the query.
 * Setting a parameter again replaces it, so a refreshed token never sits next to the stale one.
 */
public final class GisRequest {

    /** What the request carries as its body. */
    public enum BodyKind { NONE, FORM, JSON, XML, MULTIPART }

    /** The file of a multipart upload, streamed from disk. */
    public record FilePart(String field, Path file, String contentType) {
    }

    private final String method;
    private final URI target;
    private final Map<String, String> query;
    private final BodyKind bodyKind;
    private final Map<String, String> fields;
    private final String text;
    private final FilePart file;
    private final Map<String, String> headers;
    private final Duration timeout;

    private GisRequest(String method, URI target, Map<String, String> query, BodyKind bodyKind,
                       Map<String, String> fields, String text, FilePart file, Map<String, String> headers,
                       Duration timeout) {
        this.method = method;
        this.target = target;
        this.query = query;
        this.bodyKind = bodyKind;
        this.fields = fields;
        this.text = text;
        this.file = file;
        this.headers = headers;
        this.timeout = timeout;
    }

    private static GisRequest create(String method, URI uri, BodyKind kind, Map<String, String> fields, String text,
                                     FilePart file) {
        Objects.requireNonNull(uri, "uri");
        return new GisRequest(method, withoutQuery(uri), parseQuery(uri.getRawQuery()), kind,
                new LinkedHashMap<>(fields), text, file, new LinkedHashMap<>(), null);
    }

    /** GET; query parameters may be in the URI and added with {@link #param}. */
    public static GisRequest get(URI uri) {
        return create("GET", uri, BodyKind.NONE, Map.of(), null, null);
    }

    /** POST with an {@code application/x-www-form-urlencoded} UTF-8 body. */
    public static GisRequest postForm(URI uri, Map<String, String> form) {
        return create("POST", uri, BodyKind.FORM, form, null, null);
    }

    public static GisRequest postJson(URI uri, String json) {
        return create("POST", uri, BodyKind.JSON, Map.of(), Objects.requireNonNull(json, "json"), null);
    }

    /** POST of an XML document ({@code text/xml}, UTF-8), as OGC services take their request documents. */
    public static GisRequest postXml(URI uri, String xml) {
        return create("POST", uri, BodyKind.XML, Map.of(), Objects.requireNonNull(xml, "xml"), null);
    }

    public static GisRequest putJson(URI uri, String json) {
        return create("PUT", uri, BodyKind.JSON, Map.of(), Objects.requireNonNull(json, "json"), null);
    }

    public static GisRequest delete(URI uri) {
        return create("DELETE", uri, BodyKind.NONE, Map.of(), null, null);
    }

    /** Multipart POST of text fields and one file, which is streamed from disk when sent. */
    public static GisRequest upload(URI uri, Map<String, String> fields, String fileField, Path file,
                                    String fileContentType) {
        return create("POST", uri, BodyKind.MULTIPART, fields, null,
                new FilePart(fileField, file, fileContentType == null ? "application/octet-stream" : fileContentType));
    }

    /** Sets a parameter in the body of a form or multipart POST, otherwise in the query. */
    public GisRequest param(String name, String value) {
        if (bodyKind == BodyKind.FORM || bodyKind == BodyKind.MULTIPART) {
            Map<String, String> copy = new LinkedHashMap<>(fields);
            copy.put(name, value);
            return new GisRequest(method, target, query, bodyKind, copy, text, file, headers, timeout);
        }
        return queryParam(name, value);
    }

    /** Sets a query parameter whatever the body. */
    public GisRequest queryParam(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(name, value);
        return new GisRequest(method, target, copy, bodyKind, fields, text, file, headers, timeout);
    }

    /** Sets a header, replacing one of the same name in any case. */
    public GisRequest header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new GisRequest(method, target, query, bodyKind, fields, text, file, copy, timeout);
    }

    /** How long to wait for the reply headers; long admin operations need more than the client default. */
    public GisRequest timeout(Duration value) {
        return new GisRequest(method, target, query, bodyKind, fields, text, file, headers, value);
    }

    /** The same request sent to another URI (a redirect); the query comes from the new URI. */
    GisRequest redirectedTo(URI location) {
        return new GisRequest(method, withoutQuery(location), parseQuery(location.getRawQuery()), bodyKind, fields,
                text, file, headers, timeout);
    }

    public String method() {
        return method;
    }

    /** The full URI including the query. */
    public URI uri() {
        if (query.isEmpty()) {
            return target;
        }
        return URI.create(target + "?" + encode(query));
    }

    public BodyKind bodyKind() {
        return bodyKind;
    }

    /** Form fields, or the text fields of a multipart upload. */
    public Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** The body of a JSON or XML request. */
    public String text() {
        return text;
    }

    public FilePart file() {
        return file;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** {@code a=1&b=2}, UTF-8, as both query strings and form bodies are written. */
    static String encode(Map<String, String> params) {
        StringJoiner out = new StringJoiner("&");
        params.forEach((k, v) -> out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static URI withoutQuery(URI uri) {
        String text = uri.toString();
        int cut = text.indexOf('?');
        if (cut < 0) {
            cut = text.indexOf('#');
        }
        return cut < 0 ? uri : URI.create(text.substring(0, cut));
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
