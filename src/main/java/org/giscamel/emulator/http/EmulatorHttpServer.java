package org.giscamel.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The HTTP layer shared by both emulators: binds to loopback, applies armed faults, logs requests without their
 * parameter values, serves the control API under {@code /__emulator}, and hands everything else to a
 * {@link Router}.
 *
 * <p>Control API: {@code POST /__emulator/faults?fault=HTTP_503&path=regex&method=POST&times=2&delayMillis=0}
 * arms a fault; {@code DELETE /__emulator/faults} clears them; {@code GET /__emulator/requests} lists what was
 * received. The control API is the emulator's own, so its replies skip the emulated server's {@code finish} step.
 */
public final class EmulatorHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHttpServer.class);
    private static final String CONTROL_PREFIX = "/__emulator";
    private static final long MAX_HANG_MILLIS = TimeUnit.MINUTES.toMillis(10);

    static {
        // Without TCP_NODELAY every reply waits ~40 ms for a delayed ACK; the JDK reads this once per JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String name;
    private final Router router;
    private final ErrorResponder errors;
    private final FaultInjector faults;
    private final RequestLog requestLog;
    private final Runnable expireTokens;
    private final UnaryOperator<EmulatorResponse> finish;
    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A server whose replies go out as the handlers made them. */
    public EmulatorHttpServer(String name, int port, Router router, ErrorResponder errors, FaultInjector faults,
                              RequestLog requestLog, Runnable expireTokens) throws IOException {
        this(name, port, router, errors, faults, requestLog, expireTokens, UnaryOperator.identity());
    }

    /**
     * @param port         0 picks a free port
     * @param expireTokens what {@link Fault#EXPIRE_TOKENS} does on this emulator
     * @param finish       the last look at every reply of the emulated server, errors included, before it is sent
     */
    public EmulatorHttpServer(String name, int port, Router router, ErrorResponder errors, FaultInjector faults,
                              RequestLog requestLog, Runnable expireTokens, UnaryOperator<EmulatorResponse> finish)
            throws IOException {
        this.name = name;
        this.router = router;
        this.errors = errors;
        this.faults = faults;
        this.requestLog = requestLog;
        this.expireTokens = expireTokens;
        this.finish = finish;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        int status = 0;
        boolean withToken = false;
        boolean logged = false;
        try {
            var fault = path.startsWith(CONTROL_PREFIX) ? java.util.Optional.<FaultRule>empty() : faults.next(method, path);
            EmulatorResponse response = fault.isPresent() ? applyFault(fault.get(), exchange, method, path) : null;
            if (response == null) {
                EmulatorRequest request = EmulatorRequest.of(method, path, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
                withToken = request.nonBlankParam("token").isPresent() || request.header("Authorization").isPresent()
                        || request.header("X-Esri-Authorization").isPresent();
                response = handle(request);
            }
            status = response.status();
            // Logged before the reply leaves, so that a client holding the reply finds its request in the log.
            log(method, path, status, withToken);
            logged = true;
            if (!response.dropsConnection()) {
                send(exchange, response);
            }
        } catch (IOException clientWentAway) {
            LOG.debug("{} {} {}: {}", name, method, path, clientWentAway.toString());
        } finally {
            if (!logged) {
                log(method, path, status, withToken);
            }
            exchange.close();
        }
    }

    private void log(String method, String path, int status, boolean withToken) {
        requestLog.record(new RequestLog.Entry(name, method, path, status, withToken));
        LOG.debug("{} {} {} -> {}", name, method, path, status);
    }

    /** The reply a fault forces (possibly a dropped connection), or null to go on normally. */
    private EmulatorResponse applyFault(FaultRule rule, HttpExchange exchange, String method, String path)
            throws IOException {
        LOG.info("{} injecting {} on {} {}", name, rule.fault(), method, path);
        switch (rule.fault()) {
            case HTTP_500, HTTP_503 -> {
                int http = rule.fault() == Fault.HTTP_500 ? 500 : 503;
                EmulatorRequest request = EmulatorRequest.of(method, path, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
                return finish.apply(errors.error(request, http, http,
                        http == 503 ? "Service temporarily unavailable" : "Internal server error (injected)"));
            }
            case ERROR_ENVELOPE -> {
                EmulatorRequest request = EmulatorRequest.of(method, path, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
                return finish.apply(errors.error(request, 200, 500, "The operation failed (injected)"));
            }
            case CONNECTION_RESET -> {
                return EmulatorResponse.dropConnection(); // closing the exchange before any header drops the connection
            }
            case HANG -> {
                try {
                    stopped.await(MAX_HANG_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return EmulatorResponse.dropConnection();
            }
            case DELAY -> {
                try {
                    Thread.sleep(rule.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
            case EXPIRE_TOKENS -> {
                expireTokens.run();
                return null;
            }
            default -> throw new IllegalStateException("Unknown fault " + rule.fault());
        }
    }

    private EmulatorResponse handle(EmulatorRequest request) {
        if (request.path().startsWith(CONTROL_PREFIX + "/faults") || request.path().equals(CONTROL_PREFIX + "/requests")) {
            return control(request);
        }
        EmulatorResponse response = route(request);
        return request.path().startsWith(CONTROL_PREFIX) ? response : finish.apply(response);
    }

    private EmulatorResponse route(EmulatorRequest request) {
        try {
            var match = router.match(request.method(), request.path());
            if (match.isEmpty()) {
                boolean otherMethod = router.matchesPath(request.path());
                return errors.error(request, 0, otherMethod ? 405 : 404, otherMethod
                        ? "Method not supported"
                        : "Could not find resource or operation '" + lastSegment(request.path()) + "' on the system.");
            }
            request.pathVariables(match.get().variables());
            return match.get().handler().handle(request);
        } catch (BadRequestException bad) {
            return errors.error(request, 0, 400, bad.getMessage());
        } catch (Exception e) {
            LOG.warn("{} failed on {} {}", name, request.method(), request.path(), e);
            return errors.error(request, 500, 500, "Internal server error");
        }
    }

    private EmulatorResponse control(EmulatorRequest request) {
        if (request.path().equals(CONTROL_PREFIX + "/requests")) {
            ArrayNode list = Json.array();
            requestLog.entries().forEach(e -> list.addObject()
                    .put("server", e.server()).put("method", e.method()).put("path", e.path()).put("status", e.status())
                    .put("withToken", e.withToken()));
            return EmulatorResponse.json(list);
        }
        if (request.method().equals("DELETE")) {
            faults.clear();
        } else {
            Fault fault = Fault.valueOf(request.param("fault").orElseThrow(() -> new BadRequestException("fault is required")));
            faults.arm(new FaultRule(fault, request.param("method").orElse(null), request.param("path").orElse(".*"),
                    Integer.parseInt(request.param("times").orElse("1")),
                    Long.parseLong(request.param("delayMillis").orElse("0"))));
        }
        ObjectNode ok = Json.object().put("status", "success");
        return EmulatorResponse.json(ok);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void send(HttpExchange exchange, EmulatorResponse response) throws IOException {
        response.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        if (response.body() == null || head) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        long length = response.contentLength();
        exchange.sendResponseHeaders(response.status(), length < 0 ? 0 : (length == 0 ? -1 : length));
        if (length != 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                response.body().writeTo(out);
            }
        }
    }
}
