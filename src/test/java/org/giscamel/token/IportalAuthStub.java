package org.giscamel.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.EmulatorHttpServer;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.ErrorResponder;
import org.giscamel.emulator.http.FaultInjector;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.http.Router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small iPortal for auth tests: {@code web/login.json} (JSESSIONID cookie), {@code services/security/tokens.json}
 * (bare token text) and a protected {@code web/services.json} that answers 401 without a live session or token.
 */
final class IportalAuthStub implements AutoCloseable {

    static final String USER = "admin";
    static final String PASSWORD = "iportal-s3cret";

    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger tokenCalls = new AtomicInteger();
    final AtomicInteger protectedCalls = new AtomicInteger();
    final List<JsonNode> tokenBodies = new CopyOnWriteArrayList<>();
    final List<EmulatorRequest> protectedRequests = new CopyOnWriteArrayList<>();
    final Set<String> live = ConcurrentHashMap.newKeySet();
    /** When set, login answers HTTP 200 with {@code succeed:false}, as iclientpy expects a failure may arrive. */
    volatile boolean loginRefused;
    /** When set, the protected resource answers 401 whatever the request carries. */
    volatile boolean denyAll;
    private final EmulatorHttpServer server;

    IportalAuthStub() {
        ErrorResponder errors = (request, http, code, message) -> EmulatorResponse.json(http == 0 ? code : http,
                envelope(code, message));
        Router router = new Router()
                .post("/iportal/web/login.json", this::login)
                .post("/iportal/services/security/tokens.json", this::token)
                .on(Set.of("GET", "POST"), "/iportal/web/services.json", this::services);
        try {
            server = new EmulatorHttpServer("iportal-stub", 0, router, errors, new FaultInjector(), new RequestLog(),
                    live::clear);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI root() {
        return URI.create(server.baseUrl() + "/iportal");
    }

    URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static ObjectNode envelope(int code, String message) {
        ObjectNode body = Json.object().put("succeed", false);
        body.putObject("error").put("code", code).put("errorMsg", message);
        return body;
    }

    private boolean credentialsOk(JsonNode body, String userField) {
        return USER.equals(body.path(userField).asText()) && PASSWORD.equals(body.path("password").asText());
    }

    private EmulatorResponse login(EmulatorRequest request) {
        logins.incrementAndGet();
        JsonNode body = request.json().orElse(Json.object());
        if (loginRefused || !credentialsOk(body, "username")) {
            return EmulatorResponse.json(Json.object().put("succeed", false).put("reason", "用户名或密码错误"));
        }
        String session = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        live.add(session);
        return EmulatorResponse.json(201, Json.object().put("referer", "/iportal/").putNull("reason").put("succeed", true))
                .header("Set-Cookie", "JSESSIONID=" + session + "; Path=/iportal; HttpOnly");
    }

    private EmulatorResponse token(EmulatorRequest request) {
        tokenCalls.incrementAndGet();
        JsonNode body = request.json().orElse(Json.object());
        tokenBodies.add(body);
        if (!credentialsOk(body, "userName")) {
            return EmulatorResponse.json(400, envelope(400, "用户名或密码错误"));
        }
        String token = UUID.randomUUID().toString().replace("-", "") + "..";
        live.add(token);
        return EmulatorResponse.text(200, "text/plain;charset=UTF-8", token);
    }

    private EmulatorResponse services(EmulatorRequest request) {
        protectedCalls.incrementAndGet();
        protectedRequests.add(request);
        boolean authorized = !denyAll && (request.cookie("JSESSIONID").map(live::contains).orElse(false)
                || request.param("token").map(live::contains).orElse(false));
        if (!authorized) {
            return EmulatorResponse.json(401, envelope(401, "未登录或登录已失效"));
        }
        ObjectNode page = Json.object().put("total", 1).put("totalPage", 1).put("currentPage", 1);
        page.putArray("content").addObject().put("id", "1");
        return EmulatorResponse.json(page);
    }

    @Override
    public void close() {
        server.close();
    }
}
