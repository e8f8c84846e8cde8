package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.giscamel.sitejoin.SiteJoinWorld.NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file-drop trigger: a request file ends in done/ or failed/ beside its report, and nothing is lost. */
class SiteJoinInboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private SiteJoinWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    private void startWithTriggers() throws Exception {
        world = SiteJoinWorld.start(SiteJoinWorld.fastEmulator(), dir, Map.of(),
                List.of(SiteJoinWorld.CHAIN, SiteJoinWorld.TRIGGERS));
    }

    private void drop(String name, String content) throws IOException {
        Files.createDirectories(world.inbox);
        Path writing = Files.writeString(world.inbox.resolve(name + ".part"), content);
        Files.move(writing, world.inbox.resolve(name));
    }

    /** The files of a folder whose names end in {@code suffix}, once there is exactly one. */
    private Path awaitOne(String folder, String suffix) {
        Path path = world.inbox.resolve(folder);
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!Files.isDirectory(path)) {
                return null;
            }
            try (Stream<Path> files = Files.list(path)) {
                List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
                return found.size() == 1 ? found.get(0) : null;
            }
        }, p -> p != null);
    }

    @Test
    void aRequestFileJoinsTheMachineAndEndsInDoneBesideItsReport() throws Exception {
        startWithTriggers();
        String request = "{\"machine\":\"" + world.arcgis.freshMachineUrl() + "\",\"cluster\":\"default\"}";

        drop("node2.json", request);

        Path kept = awaitOne("done", "-node2.json");
        Path report = awaitOne("done", "-node2.json.report.json");
        assertEquals(request, Files.readString(kept));
        assertEquals(kept.getFileName() + ".report.json", report.getFileName().toString());
        assertEquals("done", JSON.readTree(Files.readString(report)).path("outcome").asText());
        assertEquals("STARTED", world.arcgis.site().machine(NODE).orElseThrow().realTimeState());
        assertFalse(Files.exists(world.inbox.resolve("node2.json")));
    }

    @Test
    void aMalformedRequestFileEndsInFailedWithItsErrorAndReportAndNoServerIsCalled() throws Exception {
        startWithTriggers();

        drop("broken.json", "{\"machine\": \"http://node2:6080/arcgis\",");

        Path kept = awaitOne("failed", "-broken.json");
        Path error = awaitOne("failed", "-broken.json.error.json");
        Path report = awaitOne("failed", "-broken.json.report.json");
        assertEquals("{\"machine\": \"http://node2:6080/arcgis\",", Files.readString(kept), "the file is kept as it was");
        JsonNode note = JSON.readTree(Files.readString(error));
        assertEquals("read-request", note.path("failedStep").asText());
        assertTrue(note.path("error").asText().startsWith("the request is not valid JSON"), note.toString());
        assertEquals(report.getFileName().toString(), note.path("report").asText());
        assertEquals("failed", JSON.readTree(Files.readString(report)).path("outcome").asText());
        assertEquals(0, world.count(null, ".*"));
    }

    @Test
    void aRunThatFailsAfterItsRetriesEndsInFailedNamingTheStepAndRunsOnlyOnce() throws Exception {
        startWithTriggers();
        world.arcgis.faults().arm(Fault.HTTP_500, "/admin/clusters/default/machines/add$", -1);

        drop("node2.json", "{\"machine\":\"" + world.arcgis.freshMachineUrl() + "\",\"cluster\":\"default\"}");

        JsonNode note = JSON.readTree(Files.readString(awaitOne("failed", "-node2.json.error.json")));
        assertEquals("add-to-cluster", note.path("failedStep").asText());
        assertTrue(note.path("error").asText().contains("Internal server error (injected) (HTTP 500, code 500)"), note.toString());
        awaitOne("failed", "-node2.json");
        assertEquals(3, world.count("POST", ".*/admin/clusters/default/machines/add"),
                "the step's retries (gis.retry.max-retries=2), not a second run of the whole chain");
        assertEquals(1, world.count("POST", ".*/admin/joinSite"));
    }

    @Test
    void theSameRequestDroppedTwiceKeepsBothFilesAndTheSecondIsAlreadyDone() throws Exception {
        startWithTriggers();
        String request = "{\"machine\":\"" + world.arcgis.freshMachineUrl() + "\",\"cluster\":\"default\"}";
        drop("node2.json", request);
        awaitOne("done", "-node2.json.report.json");
        // The report is written inside the route; the request file itself moves to done/ once the route ends.
        awaitOne("done", "-node2.json");

        drop("node2.json", request);

        Path done = world.inbox.resolve("done");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Stream<Path> files = Files.list(done)) {
                return files.filter(f -> f.toString().endsWith(".report.json")).count() == 2;
            }
        });
        try (Stream<Path> files = Files.list(done)) {
            List<String> outcomes = files.filter(f -> f.toString().endsWith(".report.json")).sorted()
                    .map(f -> read(f).path("outcome").asText()).toList();
            assertEquals(List.of("done", "already-done"), outcomes);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
