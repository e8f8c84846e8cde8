package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;

import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /web/login} (session cookie), {@code POST /services/security/tokens} (bare token text), and
 * {@code GET /web/config/userprofile}, which names the caller: the account of a live session or token, else
 * {@code GUEST} with HTTP 200, as SuperMap iEarth reads it ("logged in iff status 200 and userName is not GUEST",
 * iportal-rest.md §2.3; iEarth loads it for anonymous visitors too). Login and token read a JSON body whatever
 * the Content-Type, since iClient posts JSON labelled as a form, and also plain form fields.
 *
 * <p>A failed login answers HTTP 401 with {@code succeed:false}: the real reply is undocumented and clients are
 * told to check both the status and {@code succeed}, so the emulator fails both checks.
 */
final class AuthResource {

    private static final Set<String> CLIENT_TYPES = Set.of("IP", "Referer", "RequestIP", "NONE", "SERVER", "WEB");

    private final PortalAuth auth;
    private final String context;

    AuthResource(PortalAuth auth, String context) {
        this.auth = auth;
        this.context = context;
    }

    void register(PortalRoutes routes) {
        routes.on(Set.of("POST"), "/web/login", this::login)
                .on(Set.of("POST"), "/services/security/tokens", this::token)
                .on(PortalRoutes.READ, "/web/config/userprofile", this::userProfile);
    }

    /** iEarth reads {@code userName} and {@code roles[0] == "ADMIN"}; the other fields of the real reply are unknown. */
    private EmulatorResponse userProfile(EmulatorRequest request) {
        Caller caller = auth.identify(request);
        ObjectNode profile = Json.object().put("userName", caller.username()).put("nickName", caller.username());
        ArrayNode roles = profile.putArray("roles");
        if (caller.admin()) {
            roles.add("ADMIN");
        } else if (!caller.isGuest()) {
            roles.add("PORTAL_USER");
        }
        return EmulatorResponse.json(profile);
    }

    private EmulatorResponse login(EmulatorRequest request) {
        String username = field(request, "username").orElse(null);
        String password = field(request, "password").orElse(null);
        if (username == null || password == null) {
            throw new BadRequestException("username and password are required");
        }
        PortalAccount account = auth.authenticate(username, password)
                .orElseThrow(() -> IPortalException.unauthorized("The user name or password is incorrect"));
        String session = auth.openSession(account);
        return EmulatorResponse.json(Json.object().put("succeed", true).put("referer", "/" + context))
                .header("Set-Cookie", PortalAuth.SESSION_COOKIE + "=" + session + "; Path=/" + context + "; HttpOnly");
    }

    /**
     * The token is returned as the bare body text, not JSON. {@code userName} is the documented field; the
     * lowercase {@code username} seen in public code is accepted too. A missing {@code clientType} means NONE.
     */
    private EmulatorResponse token(EmulatorRequest request) {
        String username = field(request, "userName").or(() -> field(request, "username")).orElse(null);
        String password = field(request, "password").orElse(null);
        String clientType = field(request, "clientType").orElse("NONE");
        if (!CLIENT_TYPES.contains(clientType)) {
            throw new BadRequestException("Unknown clientType '" + clientType + "'");
        }
        Long minutes = field(request, "expiration").map(AuthResource::minutes).orElse(null);
        PortalAccount account = auth.authenticate(username, password)
                .orElseThrow(() -> new BadRequestException("The user name or password is incorrect"));
        return EmulatorResponse.text(200, "text/plain;charset=UTF-8", auth.issueToken(account, minutes));
    }

    private static long minutes(String expiration) {
        try {
            return Long.parseLong(expiration.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("expiration must be a number of minutes");
        }
    }

    /** A field of the JSON body, or else a form field. */
    private static Optional<String> field(EmulatorRequest request, String name) {
        Optional<String> fromJson = request.json().map(json -> json.get(name))
                .filter(JsonNode::isValueNode).filter(n -> !n.isNull()).map(JsonNode::asText);
        return fromJson.or(() -> request.param(name)).filter(v -> !v.isEmpty());
    }
}
