package org.giscamel.gp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link GpJobStore#newest}, the status page's query: the newest jobs of all declarations. */
class GpJobStoreNewestTest {

    @TempDir
    Path dir;
    private GpStoreFixture fixture;
    private GpJobStore store;

    @BeforeEach
    void open() {
        fixture = GpStoreFixture.open(dir, new SteppingClock());
        store = fixture.store();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theNewestJobsOfEveryDeclarationComeFirstUpToTheLimit() {
        String first = intent("buffers", "a.geojson", "1").id();
        GpJobRecord rasters = intent("rasters", "b.tif", "2");
        String second = rasters.id();
        String third = intent("buffers", "c.geojson", "3").id();
        fixture.jobs().rejected(rasters, GpFailure.of("run GP job", "failed", "job-failed", List.of()));

        assertEquals(List.of(third, second, first), ids(store.newest(10)));
        assertEquals(List.of(third, second), ids(store.newest(2)));
    }

    @Test
    void anEmptyStoreHasNoNewestJobs() {
        assertEquals(List.of(), store.newest(10));
    }

    private GpJobRecord intent(String job, String file, String shaDigit) {
        return fixture.recorded(GpStoreFixture.spec(job, "file:outbox"), file, dir.resolve(file), shaDigit.repeat(64),
                Long.MAX_VALUE);
    }

    private static List<String> ids(List<GpJobRecord> jobs) {
        return jobs.stream().map(GpJobRecord::id).toList();
    }

    /** One second later at each reading, so jobs recorded one after the other have distinct creation times. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-01-15T10:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
