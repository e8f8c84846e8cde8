package org.giscamel.gp;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpRateLimiterTest {

    private static final URI TASK_A = URI.create("https://gis.example.com/arcgis/rest/services/A/GPServer/T");
    private static final URI TASK_B = URI.create("https://GIS.example.com:443/arcgis/rest/services/B/GPServer/T");
    private static final URI OTHER = URI.create("https://other.example.com/arcgis/rest/services/A/GPServer/T");

    private final AtomicLong nanos = new AtomicLong();
    private final GpRateLimiter limiter = new GpRateLimiter(5, nanos::get);

    private int acquired(URI url, int attempts) {
        int n = 0;
        for (int i = 0; i < attempts; i++) {
            n += limiter.tryAcquire(url) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aServerGetsAtMostItsCapOfRequestsAtOnceWhateverTheJobOrTask() {
        assertEquals(3, acquired(TASK_A, 3));
        assertEquals(2, acquired(TASK_B, 10), "same host and port, another service: the same server");
        assertFalse(limiter.tryAcquire(TASK_A));
    }

    @Test
    void requestsBecomeAvailableAgainAtTheCappedRate() {
        acquired(TASK_A, 5);
        nanos.addAndGet(200_000_000L); // 0.2 s at 5 per second: one more
        assertTrue(limiter.tryAcquire(TASK_A));
        assertFalse(limiter.tryAcquire(TASK_A));
    }

    @Test
    void anIdleServerSavesUpNoMoreThanOneSecondsWorth() {
        nanos.addAndGet(60_000_000_000L);
        assertEquals(5, acquired(TASK_A, 20));
    }

    @Test
    void eachServerHasItsOwnCap() {
        acquired(TASK_A, 5);
        assertEquals(5, acquired(OTHER, 5));
    }
}
