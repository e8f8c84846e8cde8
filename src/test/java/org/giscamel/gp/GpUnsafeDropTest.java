package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.http.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.giscamel.gp.GpFlowHarness.fileNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inbox entries the route cannot read safely (a name with backslashes, a symbolic link) are refused into
 * {@code failed/} beside their error file, untouched, while the good drops beside them run; nothing outside the
 * inbox tree is read, moved or written.
 */
class GpUnsafeDropTest {

    private static final String OUTSIDE = "{\"type\": \"FeatureCollection\", \"features\": []}";

    @TempDir
    Path dir;
    private ArcGisEmulator arcgis;
    private GpFlowHarness flow;
    private LogCapture fileLog;
    private LogCapture errorHandlerLog;

    @BeforeEach
    void start() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
        flow = GpFlowHarness.start(dir, arcgis, List.of(GpFlowHarness.Job.buffer("buffers")), Map.of());
        Files.writeString(dir.resolve("outside.geojson"), OUTSIDE);
        fileLog = LogCapture.debug("org.apache.camel.component.file");
        errorHandlerLog = LogCapture.debug("org.apache.camel.processor");
    }

    @AfterEach
    void stop() {
        errorHandlerLog.close();
        fileLog.close();
        flow.close();
        arcgis.close();
    }

    @Test
    void namesWithBackslashesAndDotsAreRefusedIntoFailedUnderASafeNameAndTheGoodDropStillRuns() throws Exception {
        // processing/ exists once any drop was taken; through it, this name reads as ../../../outside.geojson
        Files.createDirectories(flow.inbox("buffers").resolve("processing"));
        Map<String, String> outsideBefore = treeOutsideTheInbox();
        String evil = "x\\..\\..\\..\\evil1.geojson";
        String escape = "processing\\..\\..\\..\\outside.geojson";
        flow.drop("buffers", evil, POINTS);
        flow.drop("buffers", escape, "{\"dropped\": true}");
        flow.drop("buffers", "good.geojson", POINTS);

        assertEquals(GpPhase.SUCCEEDED, flow.awaitFinished("buffers", "good.geojson").phase());
        JsonNode evilError = flow.awaitFailedDrop("buffers", "x_._._._evil1.geojson");
        JsonNode escapeError = flow.awaitFailedDrop("buffers", "processing_._._._outside.geojson");

        assertEquals(evil, evilError.path("file").asText(), "the record names the name as dropped");
        assertEquals("buffers", evilError.path("job").asText());
        assertEquals("accept dropped file", evilError.path("step").asText());
        assertEquals("unsafe-name", evilError.path("reasonCode").asText());
        assertTrue(evilError.path("reason").asText().startsWith("the name '" + evil + "' is refused: "), evilError::toString);
        assertEquals(escape, escapeError.path("file").asText());
        Path failed = flow.inbox("buffers").resolve(GpInputFiles.FAILED);
        assertEquals(POINTS, Files.readString(failed.resolve("x_._._._evil1.geojson")), "kept as it was dropped");
        assertEquals("{\"dropped\": true}", Files.readString(failed.resolve("processing_._._._outside.geojson")));
        assertEquals(List.of("processing_._._._outside.geojson", "processing_._._._outside.geojson.error.json",
                "x_._._._evil1.geojson", "x_._._._evil1.geojson.error.json"), fileNames(failed));
        assertEquals(List.of("done", "failed", "processing"), fileNames(flow.inbox("buffers")));
        assertEquals(List.of(), fileNames(flow.inbox("buffers").resolve("processing")));
        assertEquals(outsideBefore, treeOutsideTheInbox(), "nothing outside the inbox was read, moved or written");
        assertEquals(1, fileNames(flow.outbox("buffers")).size(), "only the good drop has outputs");
        assertEquals(1, GpFlowHarness.serverJobs(arcgis));
        assertEquals(List.of(), exceptionsLogged());
    }

    @Test
    void aSymbolicLinkIsRefusedIntoFailedAsALinkAndNothingIsReadThroughIt() throws Exception {
        Map<String, String> outsideBefore = treeOutsideTheInbox();
        Path link = flow.inbox("buffers").resolve("link.geojson");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("../../outside.geojson"));
        flow.drop("buffers", "good.geojson", POINTS);

        assertEquals(GpPhase.SUCCEEDED, flow.awaitFinished("buffers", "good.geojson").phase());
        JsonNode error = flow.awaitFailedDrop("buffers", "link.geojson");

        assertEquals("link.geojson", error.path("file").asText());
        assertEquals("symbolic-link", error.path("reasonCode").asText());
        assertTrue(error.path("reason").asText().contains("symbolic link to ../../outside.geojson"), error::toString);
        Path kept = flow.inbox("buffers").resolve("failed/link.geojson");
        assertTrue(Files.isSymbolicLink(kept), "the link itself was moved, not what it points to");
        assertEquals(Path.of("../../outside.geojson"), Files.readSymbolicLink(kept));
        assertEquals(List.of(), fileNames(flow.inbox("buffers").resolve("processing")));
        assertEquals(outsideBefore, treeOutsideTheInbox());
        assertEquals(1, GpFlowHarness.serverJobs(arcgis), "the linked file was never submitted");
        assertEquals(List.of(), flow.store().jobsOf("buffers").stream().map(GpJobRecord::inputName)
                .filter("link.geojson"::equals).toList());
        assertEquals(List.of(), exceptionsLogged());
    }

    /** Every file and link under the test folder but the inbox, outbox and job store, with its content or target. */
    private Map<String, String> treeOutsideTheInbox() throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Path relative = dir.relativize(p);
                if (relative.toString().isEmpty() || Stream.of("inbox", "outbox", "data").anyMatch(relative::startsWith)) {
                    continue;
                }
                tree.put(relative.toString(), Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return tree;
    }

    /** Log lines of Camel's file consumer and error handlers that carry an exception (a stack trace in the log). */
    private List<String> exceptionsLogged() {
        return Stream.concat(fileLog.lines().stream(), errorHandlerLog.lines().stream())
                .filter(line -> line.contains(" | ")).toList();
    }
}
