package org.giscamel.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.PresentedToken;
import org.giscamel.emulator.http.EmulatorHttpServer;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.FaultInjector;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.TokenAuthority;
import org.giscamel.testing.MutableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small ArcGIS Server for token tests: admin and services generateToken (counted), {@code rest/info}, and two
 * protected resources that check tokens with the shared {@link TokenAuthority}. Replies queued in
 * {@link #forcedReplies} are sent instead of the protected resource's normal answer.
 */
final class ArcGisTokenStub implements AutoCloseable {

    static final String USER = "siteadmin";
    static final String PASSWORD = "pa55-w0rd!";

    final TokenAuthority authority;
    final AtomicInteger adminTokenCalls = new AtomicInteger();
    final AtomicInteger servicesTokenCalls = new AtomicInteger();
    final AtomicInteger infoCalls = new AtomicInteger();
    final AtomicInteger protectedCalls = new AtomicInteger();
    final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    final List<EmulatorRequest> tokenRequests = new CopyOnWriteArrayList<>();
    final List<EmulatorRequest> protectedRequests = new CopyOnWriteArrayList<>();
    final Queue<Function<EmulatorRequest, EmulatorResponse>> forcedReplies = new ConcurrentLinkedQueue<>();
    /** Runs inside each generateToken before it answers; lets a test hold the refresh open. */
    volatile Runnable beforeIssue = () -> {
    };
    /** Appended to the base URL to form {@code authInfo.tokenServicesUrl}; null leaves authInfo out. */
    volatile String tokenServicesPath = "/arcgis/tokens/generateToken";
    private final EmulatorHttpServer server;

    ArcGisTokenStub(MutableClock clock, long maxTokenMinutes) {
        authority = new TokenAuthority(clock, 60, maxTokenMinutes);
        Router router = new Router()
                .post("/arcgis/admin/generateToken", request -> issue(request, adminTokenCalls, true))
                .post("/arcgis/tokens/generateToken", request -> issue(request, servicesTokenCalls, false))
                .read("/arcgis/rest/info", this::info)
                .read("/arcgis/admin/machines", this::guarded)
                .read("/arcgis/rest/services", this::guarded);
        try {
            server = new EmulatorHttpServer("arcgis-stub", 0, router, new ArcGisErrors(), new FaultInjector(),
                    new RequestLog(), authority::expireAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI root() {
        return URI.create(server.baseUrl() + "/arcgis");
    }

    URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private EmulatorResponse issue(EmulatorRequest request, AtomicInteger calls, boolean admin) {
        calls.incrementAndGet();
        tokenRequests.add(request);
        beforeIssue.run();
        if (!USER.equals(request.param("username").orElse("")) || !PASSWORD.equals(request.param("password").orElse(""))) {
            return EmulatorResponse.json(ArcGisErrors.services(400, "Unable to generate token.",
                    List.of("Invalid username or password.")));
        }
        Long minutes = request.param("expiration").map(Long::valueOf).orElse(null);
        TokenAuthority.Token token = authority.issue(USER, minutes);
        issuedTokens.add(token.value());
        ObjectNode body = Json.object().put("token", token.value());
        // The admin API documents expires as a string, the services endpoint as a number.
        if (admin) {
            body.put("expires", Long.toString(token.expiresEpochMillis()));
        } else {
            body.put("expires", token.expiresEpochMillis()).put("ssl", false);
        }
        return EmulatorResponse.json(body);
    }

    private EmulatorResponse info(EmulatorRequest request) {
        infoCalls.incrementAndGet();
        ObjectNode body = Json.object().put("currentVersion", 11.3).put("fullVersion", "11.3.0");
        if (tokenServicesPath != null) {
            body.putObject("authInfo").put("isTokenBasedSecurity", true)
                    .put("tokenServicesUrl", server.baseUrl() + tokenServicesPath).put("shortLivedTokenValidity", 60);
        }
        return EmulatorResponse.json(body);
    }

    private EmulatorResponse guarded(EmulatorRequest request) {
        protectedCalls.incrementAndGet();
        protectedRequests.add(request);
        Function<EmulatorRequest, EmulatorResponse> forced = forcedReplies.poll();
        if (forced != null) {
            return forced.apply(request);
        }
        TokenAuthority.Check check = PresentedToken.check(authority, request);
        if (check != TokenAuthority.Check.VALID) {
            return ArcGisErrors.tokenProblem(request, check);
        }
        return EmulatorResponse.json(Json.object().put("ok", true).put("path", request.path()));
    }

    @Override
    public void close() {
        server.close();
    }
}
