package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The job store's plain SQL on a real PostgreSQL, as compose.yaml runs it (gis.gp.store-url=jdbc:postgresql:..). */
class GpJobStorePostgresTest {

    private static PostgresFixture postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresFixture.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static GpJobStore open() {
        GpJobStore store = new GpJobStore(postgres.url(), PostgresFixture.USER, PostgresFixture.PASSWORD,
                Clock.systemUTC());
        store.open();
        return store;
    }

    private static GpJobRecord intent(GpJobStore store, String job, String sha) {
        GpJobSpec spec = new GpJobSpec(job, URI.create("https://gis.example.com/arcgis/rest/services/S/GPServer/T"),
                "Input", JsonNodeFactory.instance.objectNode(), "file:outbox", Optional.empty(), true, Optional.empty(),
                EnumSet.allOf(GpJobSpec.FeatureFormat.class), 4326);
        return store.recordIntent(new GpJobStore.NewJob(spec, "points.geojson", Path.of("processing/points.geojson"),
                sha, JsonNodeFactory.instance.objectNode(), System.currentTimeMillis() + 60_000));
    }

    @Test
    void aJobGoesFromIntentToItsOutputsAndIsFoundAgainByTheNextStart() {
        String job = "buffers-" + UUID.randomUUID();
        String id;
        try (GpJobStore store = open()) {
            id = intent(store, job, "a".repeat(64)).id();
            store.recordSubmitted(id, "j1", GpJobStatus.SUBMITTED, 0);
            store.recordPoll(id, GpJobStatus.EXECUTING, "esriJobExecuting 40%", 1L, 0);
            store.recordServerSuccess(id, JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode());
            store.recordOutput(id, new GpOutputRecord("out.tif", "raster", "RASTER", 42, "b".repeat(64), 1, null));
        }
        try (GpJobStore next = open()) {
            assertEquals(1, next.resumeAll(System.currentTimeMillis()), "the downloading job is taken up");
            GpJobRecord found = next.find(id).orElseThrow();
            assertEquals(GpPhase.DOWNLOADING, found.phase());
            assertEquals(Optional.of("j1"), found.serverJobId());
            assertEquals(List.of(GpJobStatus.SUBMITTED, GpJobStatus.EXECUTING, GpJobStatus.SUCCEEDED),
                    next.history(id).stream().map(GpStatusChange::status).toList());
            assertEquals(List.of("out.tif"), next.outputs(id).stream().map(GpOutputRecord::file).toList());
            next.recordFinished(id, GpPhase.SUCCEEDED, null, null);
            assertEquals(GpPhase.SUCCEEDED, next.find(id).orElseThrow().phase());
        }
    }

    @Test
    void theSameContentDroppedTwiceIsADuplicateByPostgresUniqueKey() {
        String job = "buffers-" + UUID.randomUUID();
        try (GpJobStore store = open()) {
            intent(store, job, "c".repeat(64));
            GpStepException duplicate = assertThrows(GpStepException.class, () -> intent(store, job, "c".repeat(64)));
            assertEquals("duplicate", duplicate.failure().reasonCode());
            assertEquals(1L, store.countByPhase().get(GpPhase.SUBMITTING));
        }
    }
}
