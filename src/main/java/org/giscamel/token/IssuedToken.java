package org.giscamel.token;

import java.time.Duration;
import java.time.Instant;

/**
 * A token or session value as obtained; {@code expiresAt} is null when the server does not say (iPortal
 * sessions), and then the value is kept until a server rejects it.
 */
record IssuedToken(String value, Instant obtainedAt, Instant expiresAt) {

    /**
     * True until {@code margin} before expiry; the margin shrinks to half the lifetime so that a token issued for
     * a few minutes is still used rather than refreshed on every call.
     */
    boolean usableAt(Instant now, Duration margin) {
        if (expiresAt == null) {
            return true;
        }
        Duration halfLife = Duration.between(obtainedAt, expiresAt).dividedBy(2);
        Duration ahead = margin.compareTo(halfLife) < 0 ? margin : halfLife;
        return now.isBefore(expiresAt.minus(ahead));
    }

    @Override
    public String toString() {
        return "IssuedToken[value=***, obtainedAt=" + obtainedAt + ", expiresAt=" + expiresAt + "]";
    }
}
