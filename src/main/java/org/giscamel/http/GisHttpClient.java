package org.giscamel.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.IoFailures;
import org.giscamel.reply.ReplyChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP/1.1 client every flow uses, over camel-http's Apache HttpClient 5 ({@link HttpTransport}). Each call
 * names its step (e.g. "join site") so that failures say what was being done; network failures come out as the
 * typed exceptions of {@link IoFailures}. Logs the method and a {@link SafeUrl} at DEBUG, never a body.
 *
 * <p>Redirects are followed by re-sending the same method and body, at most {@value #MAX_REDIRECTS} times and
 * only to the same host (http may become https): a server switched to HTTPS-only answers 301, and the usual
 * client behaviour of turning the POST into a GET would drop the body.
 */
public final class GisHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(GisHttpClient.class);
    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Error envelopes are small; a body larger than this is a real download. */
    private static final int ENVELOPE_PEEK_BYTES = 64 * 1024;

    private final HttpTransport transport;
    private final HttpSettings settings;
    private final List<Consumer<GisServerException>> failureListeners = new CopyOnWriteArrayList<>();

    /**
     * A client outside a Camel application (tests, benchmarks): a private CamelContext, never started, only serves
     * camel-http's configuration. The global {@code camel.ssl.*} configuration and registry beans are not there.
     */
    public GisHttpClient(HttpSettings settings) {
        this(new DefaultCamelContext(), settings);
    }

    /** The application's client: {@code context} stops it, and lends its registry and global SSL configuration. */
    public GisHttpClient(CamelContext context, HttpSettings settings) {
        this.settings = settings;
        this.transport = new HttpTransport(context, settings);
        try {
            context.addService(transport.endpoint(), true);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot hand the HTTP client to the CamelContext", e);
        }
    }

    /** Hears every failed call, each attempt on its own (e.g. to count errors by step); never a secret. */
    public void addFailureListener(Consumer<GisServerException> listener) {
        failureListeners.add(listener);
    }

    /** Sends the request and returns the raw reply, whatever its status. */
    public HttpReply send(String step, GisRequest request) {
        return observed(() -> sendUnobserved(step, request));
    }

    /** Sends the request and judges the reply with {@link ReplyChecker}. */
    public JsonNode call(String step, GisRequest request) {
        return observed(() -> sendUnobserved(step, request).checked(step));
    }

    /** Judges a reply obtained with {@link #send}, as {@link #call} does. */
    public JsonNode check(String step, HttpReply reply) {
        return observed(() -> reply.checked(step));
    }

    private HttpReply sendUnobserved(String step, GisRequest request) {
        return exchange(step, request, response -> new HttpReply(response.getCode(), headers(response),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    private <T> T observed(Supplier<T> call) {
        try {
            return call.get();
        } catch (GisServerException e) {
            failureListeners.forEach(listener -> listener.accept(e));
            throw e;
        }
    }

    /**
     * Streams a successful reply body to {@code handler} without buffering it. A failed status, or a small JSON
     * body holding an error envelope (ArcGIS answers a file URL with HTTP 200 and {@code {"error":..}}), raises
     * the typed exception instead.
     */
    public <T> T download(String step, GisRequest request, StreamHandler<T> handler) {
        return observed(() -> exchange(step, request, response -> streamed(step, response, handler)));
    }

    private static <T> T streamed(String step, ClassicHttpResponse response, StreamHandler<T> handler)
            throws IOException {
        HttpEntity entity = response.getEntity();
        InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
        try {
            byte[] head = body.readNBytes(ENVELOPE_PEEK_BYTES + 1);
            boolean complete = head.length <= ENVELOPE_PEEK_BYTES;
            String contentType = entity == null ? null : entity.getContentType();
            int status = response.getCode();
            if (status < 200 || status >= 300) {
                if (complete) {
                    ReplyChecker.check(step, status, contentType, head); // throws, reading any envelope
                }
                throw ReplyChecker.classify(step, status, null, List.of());
            }
            if (complete && startsWithBrace(head)) {
                ReplyChecker.check(step, status, contentType, head);
            }
            return handler.read(headers(response), new SequenceInputStream(new ByteArrayInputStream(head), body));
        } catch (IOException | RuntimeException e) {
            // Closing would read the rest of a body nobody wants, perhaps gigabytes; drop the connection instead.
            if (body instanceof EofSensorInputStream open) {
                open.abort();
            }
            throw e;
        }
    }

    /**
     * Sends the request, following redirects, and hands the final reply to {@code reader} while it is open. An
     * {@link IOException} of the transport or of {@code reader} becomes the typed exception for it.
     */
    private <T> T exchange(String step, GisRequest request, ReplyReader<T> reader) {
        GisRequest current = request;
        for (int hop = 0; ; hop++) {
            URI uri = current.uri();
            boolean mayRedirect = hop < MAX_REDIRECTS;
            LOG.debug("{}: {} {}", step, current.method(), SafeUrl.render(uri));
            Hop<T> outcome;
            try {
                outcome = transport.execute(toHttpRequest(current), response -> {
                    LOG.debug("{}: HTTP {} from {}", step, response.getCode(), SafeUrl.render(uri));
                    Optional<URI> next = mayRedirect ? redirectTarget(uri, response) : Optional.empty();
                    return next.isPresent() ? new Hop<>(next.get(), null) : new Hop<>(null, reader.read(response));
                });
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException(step + " was interrupted");
                }
                throw IoFailures.classify(step, uri, e);
            }
            if (outcome.redirect() == null) {
                return outcome.result();
            }
            current = current.redirectedTo(outcome.redirect());
        }
    }

    /** Reads the final reply while its connection is held. */
    @FunctionalInterface
    private interface ReplyReader<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    /** Either where a redirect points, or what the reader made of the final reply. */
    private record Hop<T>(URI redirect, T result) {
    }

    private static Optional<URI> redirectTarget(URI from, ClassicHttpResponse response) {
        Header location = response.getFirstHeader("Location");
        if (!REDIRECTS.contains(response.getCode()) || location == null) {
            return Optional.empty();
        }
        return Optional.of(from.resolve(location.getValue())).filter(to -> sameHost(from, to));
    }

    /** Credentials and tokens must not follow a redirect to another host or down to plain http. */
    private static boolean sameHost(URI from, URI to) {
        boolean schemeOk = to.getScheme() != null
                && (to.getScheme().equalsIgnoreCase(from.getScheme()) || "https".equalsIgnoreCase(to.getScheme()));
        return schemeOk && from.getHost() != null && from.getHost().equalsIgnoreCase(to.getHost());
    }

    private HttpUriRequestBase toHttpRequest(GisRequest request) throws IOException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        http.setConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.of(settings.getConnectTimeout()))
                .setResponseTimeout(Timeout.of(request.timeout().orElse(settings.getReadTimeout())))
                .build());
        request.headers().forEach(http::setHeader);
        switch (request.bodyKind()) {
            case NONE -> {
            }
            case FORM -> http.setEntity(new StringEntity(GisRequest.encode(request.fields()),
                    ContentType.create("application/x-www-form-urlencoded", StandardCharsets.UTF_8)));
            case JSON -> http.setEntity(new StringEntity(request.text(),
                    ContentType.create("application/json", StandardCharsets.UTF_8)));
            case XML -> http.setEntity(new StringEntity(request.text(),
                    ContentType.create("text/xml", StandardCharsets.UTF_8)));
            case MULTIPART -> http.setEntity(MultipartBody.of(request.fields(), request.file()));
            default -> throw new IllegalStateException("Unknown body kind " + request.bodyKind());
        }
        return http;
    }

    /** The reply's headers as the JDK's immutable header map, names matched in any case. */
    private static HttpHeaders headers(ClassicHttpResponse response) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            byName.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(byName, (name, value) -> true);
    }

    private static boolean startsWithBrace(byte[] head) {
        for (byte b : head) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }
}
