package org.giscamel.emulator.iportal;

import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.TokenAuthority;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The portal's two credentials: the {@code JSESSIONID} session cookie set by login, and the SuperMap token passed
 * as {@code token=}. Both are kept by {@link TokenAuthority}; a SuperMap token is its value followed by {@code ..},
 * the suffix real tokens carry.
 */
final class PortalAuth {

    static final String SESSION_COOKIE = "JSESSIONID";
    private static final String TOKEN_SUFFIX = "..";

    private final List<PortalAccount> accounts;
    private final TokenAuthority tokens;
    private final TokenAuthority sessions;

    PortalAuth(IPortalEmulatorConfig config) {
        this.accounts = List.of(config.admin, config.user);
        this.tokens = new TokenAuthority(config.clock, config.defaultTokenMinutes, config.maxTokenMinutes);
        this.sessions = new TokenAuthority(config.clock, config.sessionMinutes, config.sessionMinutes);
    }

    Optional<PortalAccount> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return accounts.stream()
                .filter(a -> a.username().equals(username))
                .filter(a -> MessageDigest.isEqual(a.password().getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }

    /** Opens a session and returns its {@code JSESSIONID}. */
    String openSession(PortalAccount account) {
        return sessions.issue(account.username(), null).value();
    }

    /** Issues a token valid {@code minutes} (default and cap from the config) and returns its text. */
    String issueToken(PortalAccount account, Long minutes) {
        return tokens.issue(account.username(), minutes).value() + TOKEN_SUFFIX;
    }

    /**
     * A presented token must be valid, otherwise the call fails with 401 whatever the resource. A missing, unknown
     * or expired session cookie only makes the caller GUEST, as a servlet container starts a new session.
     */
    Caller identify(EmulatorRequest request) {
        Optional<String> token = request.nonBlankParam("token");
        if (token.isPresent()) {
            String value = token.get();
            String stored = value.endsWith(TOKEN_SUFFIX) ? value.substring(0, value.length() - TOKEN_SUFFIX.length()) : "";
            return switch (tokens.check(stored)) {
                case VALID -> caller(tokens.find(stored).orElseThrow().username());
                case EXPIRED -> throw IPortalException.unauthorized("The token has expired");
                default -> throw IPortalException.unauthorized("The token is invalid");
            };
        }
        return request.cookie(SESSION_COOKIE)
                .filter(id -> sessions.check(id) == TokenAuthority.Check.VALID)
                .map(id -> caller(sessions.find(id).orElseThrow().username()))
                .orElse(Caller.GUEST);
    }

    private Caller caller(String username) {
        return accounts.stream().filter(a -> a.username().equals(username)).findFirst()
                .map(Caller::of).orElse(Caller.GUEST);
    }

    /** Expires every token and session, as the {@code EXPIRE_TOKENS} fault asks. */
    void expireAll() {
        tokens.expireAll();
        sessions.expireAll();
    }
}
