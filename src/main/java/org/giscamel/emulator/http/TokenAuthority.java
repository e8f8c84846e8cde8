package org.giscamel.emulator.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks an emulated server's tokens (or session ids). Like ArcGIS Server it clamps the requested lifetime
 * to its maximum without saying so. Where a request carries its token is each server's own convention.
 */
public final class TokenAuthority {

    /** What a presented token turned out to be. */
    public enum Check { VALID, EXPIRED, UNKNOWN, MISSING }

    /** An issued token. */
    public record Token(String value, String username, long expiresEpochMillis) {
    }

    private final Map<String, Token> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile long defaultLifetimeMinutes;
    private volatile long maxLifetimeMinutes;

    public TokenAuthority(Clock clock, long defaultLifetimeMinutes, long maxLifetimeMinutes) {
        this.clock = clock;
        this.defaultLifetimeMinutes = defaultLifetimeMinutes;
        this.maxLifetimeMinutes = maxLifetimeMinutes;
    }

    /** Issues a token; a missing or non-positive {@code requestedMinutes} gets the default lifetime. */
    public Token issue(String username, Long requestedMinutes) {
        long minutes = requestedMinutes == null || requestedMinutes <= 0 ? defaultLifetimeMinutes : requestedMinutes;
        long lifetimeMillis = Math.min(minutes, maxLifetimeMinutes) * 60_000L;
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        Token token = new Token(HexFormat.of().formatHex(bytes), username, clock.millis() + lifetimeMillis);
        issued.put(token.value(), token);
        return token;
    }

    /** Issues a token with a lifetime in milliseconds; lets tests make tokens that expire mid-flow. */
    public Token issueForMillis(String username, long lifetimeMillis) {
        Token token = issue(username, 1L);
        Token shorter = new Token(token.value(), username, clock.millis() + lifetimeMillis);
        issued.put(shorter.value(), shorter);
        return shorter;
    }

    public Check check(String tokenValue) {
        if (tokenValue == null || tokenValue.isBlank()) {
            return Check.MISSING;
        }
        Token token = issued.get(tokenValue);
        if (token == null) {
            return Check.UNKNOWN;
        }
        return token.expiresEpochMillis() > clock.millis() ? Check.VALID : Check.EXPIRED;
    }

    public Optional<Token> find(String tokenValue) {
        return Optional.ofNullable(tokenValue).map(issued::get);
    }

    /** Makes every issued token expired, as the {@code EXPIRE_TOKENS} fault asks. */
    public void expireAll() {
        long past = clock.millis() - 1;
        issued.replaceAll((k, t) -> new Token(t.value(), t.username(), past));
    }

    public void defaultLifetimeMinutes(long minutes) {
        this.defaultLifetimeMinutes = minutes;
    }

    public void maxLifetimeMinutes(long minutes) {
        this.maxLifetimeMinutes = minutes;
    }

    public long maxLifetimeMinutes() {
        return maxLifetimeMinutes;
    }
}
