package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link GpJobStore#newest}, the status page's query: the newest jobs of all declarations. */
class GpJobStoreNewestTest {

    @TempDir
    Path dir;
    private GpJobStore store;

    @BeforeEach
    void open() {
        store = new GpJobStore("jdbc:h2:file:" + dir.resolve("gp") + ";WRITE_DELAY=0", "", "", new SteppingClock());
        store.open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theNewestJobsOfEveryDeclarationComeFirstUpToTheLimit() {
        String first = intent("buffers", "a.geojson", "1").id();
        String second = intent("rasters", "b.tif", "2").id();
        String third = intent("buffers", "c.geojson", "3").id();
        store.recordFinished(second, GpPhase.FAILED, GpFailure.of("run GP job", "failed", "job-failed", List.of()),
                null);

        assertEquals(List.of(third, second, first), ids(store.newest(10)));
        assertEquals(List.of(third, second), ids(store.newest(2)));
    }

    @Test
    void anEmptyStoreHasNoNewestJobs() {
        assertEquals(List.of(), store.newest(10));
    }

    private GpJobRecord intent(String job, String file, String shaDigit) {
        GpJobSpec spec = new GpJobSpec(job, URI.create("https://gis.example.com/arcgis/rest/services/S/GPServer/T"),
                "Input", JsonNodeFactory.instance.objectNode(), "file:outbox", Optional.empty(), true,
                Optional.empty(), EnumSet.allOf(GpJobSpec.FeatureFormat.class), 4326);
        return store.recordIntent(new GpJobStore.NewJob(spec, file, dir.resolve(file), shaDigit.repeat(64),
                JsonNodeFactory.instance.objectNode(), Long.MAX_VALUE));
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
