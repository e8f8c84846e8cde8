package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.TokenAuthority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The generateToken rules both token endpoints share: credentials, the {@code client} binding parameters and the
 * requested {@code expiration}. Each endpoint renders the outcome in its own envelope, and spells {@code expires}
 * as its switch in {@link ArcGisVariants} says.
 */
final class TokenIssuer {

    /** Why a token was refused, as the {@code details} real servers list under "Unable to generate token.". */
    static final class Refusal extends RuntimeException {
        private final List<String> details;

        Refusal(List<String> details) {
            super(String.join(" ", details));
            this.details = List.copyOf(details);
        }

        List<String> details() {
            return details;
        }
    }

    static final String UNABLE = "Unable to generate token.";
    static final String INVALID_CREDENTIALS = "Invalid username or password.";

    private final TokenAuthority tokens;
    private final ArcGisSite site;

    TokenIssuer(TokenAuthority tokens, ArcGisSite site) {
        this.tokens = tokens;
        this.site = site;
    }

    TokenAuthority.Token forCredentials(EmulatorRequest request) {
        List<String> problems = new ArrayList<>();
        Optional<String> username = request.nonBlankParam("username");
        Optional<String> password = request.nonBlankParam("password");
        if (username.isEmpty()) {
            problems.add("'username' must be specified.");
        }
        if (password.isEmpty()) {
            problems.add("'password' must be specified.");
        }
        problems.addAll(clientProblems(request));
        if (!problems.isEmpty()) {
            throw new Refusal(problems);
        }
        if (!knowsCredentials(request)) {
            throw new Refusal(List.of(INVALID_CREDENTIALS));
        }
        return tokens.issue(username.get(), expiration(request));
    }

    /** True when {@code username} and {@code password} are the site administrator's; user names are case-sensitive. */
    boolean knowsCredentials(EmulatorRequest request) {
        return site.isAdministrator(request.param("username").orElse(""), request.param("password").orElse(""));
    }

    /** REST-JS's second generateToken: a valid token plus {@code serverUrl} buys a token for that server. */
    TokenAuthority.Token exchange(EmulatorRequest request, TokenAuthority.Token presented, String siteUrl) {
        String serverUrl = request.nonBlankParam("serverUrl")
                .orElseThrow(() -> new Refusal(List.of("'serverUrl' must be specified.")));
        if (!LoopbackUrl.within(serverUrl, siteUrl)) {
            throw new Refusal(List.of("Unable to generate token for this server"));
        }
        return tokens.issue(presented.username(), expiration(request));
    }

    /** The referer or ip the token is bound to must come with the binding that names it (the old docs spell it referrer). */
    private static List<String> clientProblems(EmulatorRequest request) {
        String client = request.nonBlankParam("client").orElse("").toLowerCase(Locale.ROOT);
        boolean hasReferer = request.nonBlankParam("referer").or(() -> request.nonBlankParam("referrer")).isPresent();
        if ((client.equals("referer") || client.equals("referrer")) && !hasReferer) {
            return List.of("'referer' must be specified.");
        }
        if (client.equals("ip") && request.nonBlankParam("ip").isEmpty()) {
            return List.of("'ip' must be specified.");
        }
        return List.of();
    }

    /** {@code {"token":..,"expires":..}}, {@code expires} as a number or a string of epoch milliseconds. */
    static ObjectNode reply(TokenAuthority.Token token, ArcGisVariants.TokenExpires spelling) {
        ObjectNode body = Json.object().put("token", token.value());
        return spelling == ArcGisVariants.TokenExpires.STRING
                ? body.put("expires", String.valueOf(token.expiresEpochMillis()))
                : body.put("expires", token.expiresEpochMillis());
    }

    private static Long expiration(EmulatorRequest request) {
        Optional<String> minutes = request.nonBlankParam("expiration");
        try {
            return minutes.map(m -> Long.parseLong(m.trim())).orElse(null);
        } catch (NumberFormatException e) {
            throw new Refusal(List.of("'expiration' must be a number of minutes."));
        }
    }
}
