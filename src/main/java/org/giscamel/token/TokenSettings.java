package org.giscamel.token;

import java.time.Duration;

/** How tokens are requested, kept and sent; a JavaBean so it can be bound from configuration. */
public final class TokenSettings {

    private String referer = "gis-camel-routes";
    private int expirationMinutes = 60;
    private Duration refreshMargin = Duration.ofMinutes(5);
    private TokenPlacement placement = TokenPlacement.HEADER;

    public static TokenSettings defaults() {
        return new TokenSettings();
    }

    /** Sent as {@code referer} when an ArcGIS token is generated and as the {@code Referer} header on each use. */
    public String getReferer() {
        return referer;
    }

    public void setReferer(String referer) {
        this.referer = referer;
    }

    /** The lifetime asked for; servers may grant less, so the reply's {@code expires} is what counts. */
    public int getExpirationMinutes() {
        return expirationMinutes;
    }

    public void setExpirationMinutes(int expirationMinutes) {
        this.expirationMinutes = expirationMinutes;
    }

    /** Refresh this long before expiry (rest-js uses 5 minutes), but never earlier than half the lifetime. */
    public Duration getRefreshMargin() {
        return refreshMargin;
    }

    public void setRefreshMargin(Duration refreshMargin) {
        this.refreshMargin = refreshMargin;
    }

    public TokenPlacement getPlacement() {
        return placement;
    }

    public void setPlacement(TokenPlacement placement) {
        this.placement = placement;
    }
}
