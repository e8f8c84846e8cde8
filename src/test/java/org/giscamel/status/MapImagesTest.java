package org.giscamel.status;

import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpOutputRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.giscamel.status.StatusFixtures.CREATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Thumbnails are served only for map images the store lists, and only from inside the job's outbox folder. */
class MapImagesTest {

    @TempDir
    Path dir;
    private StatusFixtures.Jobs jobs;
    private GpJobStore store;
    private MapImages images;
    private GpJobRecord job;
    private Path jobFolder;

    @BeforeEach
    void open() throws Exception {
        jobs = StatusFixtures.jobs(dir);
        store = jobs.store();
        images = new MapImages(() -> store);
        job = jobs.downloading(jobs.intent("buffer-points", "points.geojson", "file:" + dir.resolve("outbox")), "j1");
        jobFolder = Files.createDirectories(dir.resolve("outbox").resolve(job.outputFolder()));
        Files.write(jobFolder.resolve("map.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(jobFolder.resolve("buffers.geojson"), "{}");
        Files.writeString(dir.resolve("secret.png"), "not in the outbox");
    }

    @AfterEach
    void close() {
        jobs.close();
    }

    private void output(String file, String kind) {
        jobs.lifecycle().outputWritten(job, new GpOutputRecord(file, "p-" + file, kind, 4, "e".repeat(64),
                CREATED.toEpochMilli(), null));
    }

    @Test
    void aListedMapImageIsServedFromTheJobsFolderWithItsContentType() {
        output("map.png", "MAP_IMAGE");
        assertEquals(Optional.of(new MapImages.MapImage(jobFolder.resolve("map.png").toAbsolutePath().normalize(),
                "image/png")), images.find(job.id(), "map.png"));
    }

    @Test
    void aFileTheStoreDoesNotListAsAMapImageOfThatJobIsNotServed() {
        output("map.png", "MAP_IMAGE");
        output("buffers.geojson", "FEATURES");
        assertEquals(Optional.empty(), images.find(job.id(), "buffers.geojson"));
        assertEquals(Optional.empty(), images.find(job.id(), "other.png"));
        assertEquals(Optional.empty(), images.find("no-such-job", "map.png"));
        assertEquals(Optional.empty(), new MapImages(() -> null).find(job.id(), "map.png"));
    }

    @Test
    void aNameLeadingOutOfTheOutboxIsRefusedEvenWhenListed() {
        output("../../secret.png", "MAP_IMAGE");
        assertEquals(Optional.empty(), images.find(job.id(), "../../secret.png"));
    }

    @Test
    void aLinkFromTheJobsFolderToAFileOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(jobFolder.resolve("linked.png"), dir.resolve("secret.png"));
        output("linked.png", "MAP_IMAGE");
        assertEquals(Optional.empty(), images.find(job.id(), "linked.png"));
    }
}
