package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The job store's plain SQL and migrations on a real PostgreSQL, as compose.yaml runs it (gis.gp.store-url=jdbc:postgresql:..). */
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

    private static GpStoreFixture open() {
        return GpStoreFixture.open(postgres.url(), PostgresFixture.USER, PostgresFixture.PASSWORD, Clock.systemUTC());
    }

    private static GpJobRecord intent(GpStoreFixture store, String job, String sha) {
        return store.recorded(GpStoreFixture.spec(job, "file:outbox"), "points.geojson",
                Path.of("processing/points.geojson"), sha, System.currentTimeMillis() + 60_000);
    }

    @Test
    void aJobGoesFromIntentToItsOutputsAndIsFoundAgainByTheNextStart() {
        String job = "buffers-" + UUID.randomUUID();
        String id;
        try (GpStoreFixture store = open()) {
            GpJobLifecycle jobs = store.jobs();
            GpJobRecord recorded = intent(store, job, "a".repeat(64));
            id = recorded.id();
            GpJobRecord running = jobs.submitted(recorded, "j1", GpJobStatus.SUBMITTED, 0);
            running = jobs.polled(running, GpJobStatus.EXECUTING, "esriJobExecuting 40%", 1L, 0);
            GpJobRecord downloading = jobs.succeededOnServer(running, JsonNodeFactory.instance.objectNode(),
                    JsonNodeFactory.instance.arrayNode());
            jobs.outputWritten(downloading, new GpOutputRecord("out.tif", "raster", "RASTER", 42, "b".repeat(64), 1,
                    null));
        }
        try (GpStoreFixture next = open()) {
            next.jobs().resume(System.currentTimeMillis());
            GpJobRecord found = next.store().find(id).orElseThrow();
            assertEquals(GpPhase.DOWNLOADING, found.phase());
            assertEquals(Optional.of("j1"), found.serverJobId());
            assertEquals(List.of(GpJobStatus.SUBMITTED, GpJobStatus.EXECUTING, GpJobStatus.SUCCEEDED),
                    next.store().history(id).stream().map(GpStatusChange::status).toList());
            assertEquals(List.of("out.tif"), next.store().outputs(id).stream().map(GpOutputRecord::file).toList());
            assertEquals(List.of(id), next.store().due(EnumSet.of(GpPhase.DOWNLOADING), System.currentTimeMillis(),
                    1000).stream().map(GpJobRecord::id).filter(id::equals).toList(), "the downloading job is taken up");
            GpJobRecord decided = next.jobs().decide(found, GpJobLifecycle.End.succeeded(List.of("a note")));
            assertEquals(List.of("a note"), decided.warnings());
            assertEquals(Optional.of(GpPhase.SUCCEEDED), decided.outcome());
        }
    }

    @Test
    void theSameContentDroppedTwiceIsADuplicateByPostgresUniqueKey() {
        String job = "buffers-" + UUID.randomUUID();
        try (GpStoreFixture store = open()) {
            intent(store, job, "c".repeat(64));
            GpStepException duplicate = assertThrows(GpStepException.class, () -> intent(store, job, "c".repeat(64)));
            assertEquals("duplicate", duplicate.failure().reasonCode());
            assertEquals(1, store.store().jobsOf(job).size());
        }
    }

    @Test
    void aStoreMadeBeforeMigrationsIsTakenAsVersionOneAndMigrated() throws Exception {
        String database = "old_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(postgres.url(), PostgresFixture.USER,
                PostgresFixture.PASSWORD); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = postgres.url().replaceFirst("/postgres$", "/" + database);
        String id = OldJobStore.create(url, PostgresFixture.USER, PostgresFixture.PASSWORD);
        try (GpStoreFixture store = GpStoreFixture.open(url, PostgresFixture.USER, PostgresFixture.PASSWORD,
                Clock.systemUTC())) {
            GpJobRecord job = store.store().find(id).orElseThrow();
            assertEquals(GpPhase.RUNNING, job.phase());
            assertEquals(Optional.of(OldJobStore.SERVER_JOB_ID), job.serverJobId());
            assertEquals(List.of(), job.warnings());
        }
        try (Connection c = DriverManager.getConnection(url, PostgresFixture.USER, PostgresFixture.PASSWORD);
             Statement s = c.createStatement();
             ResultSet history = s.executeQuery("SELECT version, type FROM " + GpJobStore.HISTORY
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (history.next()) {
                versions.add(history.getString(1) + " " + history.getString(2));
            }
            assertEquals(List.of("1 BASELINE", "2 SQL"), versions, "the old tables taken as version 1, then version 2");
        }
    }
}
