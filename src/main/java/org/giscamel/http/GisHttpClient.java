package org.giscamel.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.IoFailures;
import org.giscamel.reply.ReplyChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP/1.1 client every flow uses. Each call names its step (e.g. "join site") so that failures say what
 * was being done; network failures come out as the typed exceptions of {@link IoFailures}. Logs the method and
 * a {@link SafeUrl} at DEBUG, never a body.
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

    private final HttpClient client;
    private final HttpSettings settings;
    private final List<Consumer<GisServerException>> failureListeners = new CopyOnWriteArrayList<>();

    public GisHttpClient(HttpSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        TlsSetup.sslContext(settings).ifPresent(builder::sslContext);
        if (settings.isTrustAllCertificates()) {
            LOG.warn("TLS certificate checks are OFF (trustAllCertificates=true); use a trust store outside the lab");
        }
        this.client = builder.build();
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
        HttpResponse<byte[]> response = exchange(step, request, HttpResponse.BodyHandlers.ofByteArray(), ignored -> {
        });
        return new HttpReply(response.statusCode(), response.headers(), response.body());
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
        return observed(() -> downloadUnobserved(step, request, handler));
    }

    private <T> T downloadUnobserved(String step, GisRequest request, StreamHandler<T> handler) {
        HttpResponse<InputStream> response = exchange(step, request, HttpResponse.BodyHandlers.ofInputStream(),
                GisHttpClient::closeQuietly);
        try (InputStream body = response.body()) {
            byte[] head = body.readNBytes(ENVELOPE_PEEK_BYTES + 1);
            boolean complete = head.length <= ENVELOPE_PEEK_BYTES;
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                if (complete) {
                    ReplyChecker.check(step, status, contentType, head); // throws, reading any envelope
                }
                throw ReplyChecker.classify(step, status, null, List.of());
            }
            if (complete && startsWithBrace(head)) {
                ReplyChecker.check(step, status, contentType, head);
            }
            return handler.read(response.headers(), new SequenceInputStream(new ByteArrayInputStream(head), body));
        } catch (IOException e) {
            throw IoFailures.classify(step, request.uri(), e);
        }
    }

    private <T> HttpResponse<T> exchange(String step, GisRequest request, HttpResponse.BodyHandler<T> handler,
                                         Consumer<T> discard) {
        GisRequest current = request;
        for (int hop = 0; ; hop++) {
            URI uri = current.uri();
            LOG.debug("{}: {} {}", step, current.method(), SafeUrl.render(uri));
            HttpResponse<T> response;
            try {
                response = client.send(toHttpRequest(current), handler);
            } catch (IOException e) {
                throw IoFailures.classify(step, uri, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException(step + " was interrupted");
            }
            LOG.debug("{}: HTTP {} from {}", step, response.statusCode(), SafeUrl.render(uri));
            Optional<URI> next = hop < MAX_REDIRECTS ? redirectTarget(uri, response) : Optional.empty();
            if (next.isEmpty()) {
                return response;
            }
            discard.accept(response.body());
            current = current.redirectedTo(next.get());
        }
    }

    private static Optional<URI> redirectTarget(URI from, HttpResponse<?> response) {
        if (!REDIRECTS.contains(response.statusCode())) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").map(from::resolve).filter(to -> sameHost(from, to));
    }

    /** Credentials and tokens must not follow a redirect to another host or down to plain http. */
    private static boolean sameHost(URI from, URI to) {
        boolean schemeOk = to.getScheme() != null
                && (to.getScheme().equalsIgnoreCase(from.getScheme()) || "https".equalsIgnoreCase(to.getScheme()));
        return schemeOk && from.getHost() != null && from.getHost().equalsIgnoreCase(to.getHost());
    }

    private HttpRequest toHttpRequest(GisRequest request) throws FileNotFoundException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout().orElse(settings.getReadTimeout()));
        request.headers().forEach(builder::header);
        switch (request.bodyKind()) {
            case NONE -> builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            case FORM -> builder.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(GisRequest.encode(request.fields()),
                            StandardCharsets.UTF_8));
            case JSON -> builder.header("Content-Type", "application/json; charset=UTF-8")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.text(), StandardCharsets.UTF_8));
            case XML -> builder.header("Content-Type", "text/xml; charset=UTF-8")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.text(), StandardCharsets.UTF_8));
            case MULTIPART -> {
                MultipartBody multipart = new MultipartBody();
                builder.header("Content-Type", multipart.contentType())
                        .method(request.method(), multipart.publisher(request.fields(), request.file()));
            }
            default -> throw new IllegalStateException("Unknown body kind " + request.bodyKind());
        }
        return builder.build();
    }

    private static boolean startsWithBrace(byte[] head) {
        for (byte b : head) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // a redirect's body is of no interest
        }
    }
}
