package org.giscamel.gp;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The global cap on status requests per second to each server, shared by every job of the instance: a token
 * bucket per scheme, host and port, holding at most one second's worth of requests. The poller leaves a job due
 * when no token is free, so thousands of jobs in flight never flood one ArcGIS Server.
 */
public final class GpRateLimiter {

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public GpRateLimiter(double perSecond) {
        this(perSecond, System::nanoTime);
    }

    GpRateLimiter(double perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** Takes a token for a request to the server of {@code url}; false when the server's cap is reached. */
    public boolean tryAcquire(URI url) {
        return buckets.computeIfAbsent(server(url), k -> new Bucket(nanoTime.getAsLong())).take();
    }

    static String server(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }

    private final class Bucket {
        private final double capacity = Math.max(1, perSecond);
        private double tokens = capacity;
        private long refilledAt;

        Bucket(long now) {
            refilledAt = now;
        }

        synchronized boolean take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
