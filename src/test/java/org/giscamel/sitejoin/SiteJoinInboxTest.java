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

    @Test
    void aRequestNamedWithBackslashesIsRefusedIntoFailedAndTheGoodRequestBesideItRuns() throws Exception {
        startWithTriggers();
        String request = "{\"machine\":\"" + world.arcgis.freshMachineUrl() + "\",\"cluster\":\"default\"}";
        // done/ exists once a request ended; through it, this name reads as ../outside.json
        Files.createDirectories(world.inbox.resolve("done"));
        Path outside = Files.writeString(dir.resolve("outside.json"), request);
        String escape = "done\\..\\..\\outside.json";

        drop(escape, "{\"dropped\": true}");
        drop("node2.json", request);

        Path kept = awaitOne("failed", "-done_._._outside.json");
        JsonNode note = JSON.readTree(Files.readString(awaitOne("failed", "-done_._._outside.json.error.json")));
        assertEquals("{\"dropped\": true}", Files.readString(kept), "the file is kept as it was");
        assertEquals(escape, note.path("file").asText(), "the note names the name as dropped");
        assertEquals(kept.getFileName().toString(), note.path("request").asText());
        assertTrue(note.path("error").asText().startsWith("the name '" + escape + "' is refused: "), note.toString());
        assertEquals("done", JSON.readTree(Files.readString(awaitOne("done", "-node2.json.report.json"))).path("outcome").asText());
        awaitOne("done", "-node2.json");
        assertEquals(request, Files.readString(outside), "the file outside the inbox was not touched");
        assertEquals(List.of("inbox", "outside.json", "reports"), names(dir));
        assertEquals(1, reportCount(), "one run: the refused file was never read");
    }

    @Test
    void aSymbolicLinkIsRefusedIntoFailedAsALinkAndNothingIsReadThroughIt() throws Exception {
        startWithTriggers();
        String request = "{\"machine\":\"" + world.arcgis.freshMachineUrl() + "\",\"cluster\":\"default\"}";
        Path outside = Files.writeString(dir.resolve("outside.json"), request);
        Files.createDirectories(world.inbox);
        Files.createSymbolicLink(world.inbox.resolve("link.json"), Path.of("../outside.json"));

        Path kept = awaitOne("failed", "-link.json");
        JsonNode note = JSON.readTree(Files.readString(awaitOne("failed", "-link.json.error.json")));
        assertTrue(Files.isSymbolicLink(kept), "the link itself was moved, not what it points to");
        assertEquals(Path.of("../outside.json"), Files.readSymbolicLink(kept));
        assertEquals("link.json", note.path("file").asText());
        assertTrue(note.path("error").asText().contains("symbolic link to ../outside.json"), note.toString());
        assertEquals(request, Files.readString(outside));

        drop("node2.json", request);
        awaitOne("done", "-node2.json");
        assertEquals(1, reportCount(), "only the request dropped as a file ran");
        assertEquals(1, world.count("POST", ".*/admin/joinSite"));
    }

    private long reportCount() throws IOException {
        if (!Files.isDirectory(world.reports)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(world.reports)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
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
