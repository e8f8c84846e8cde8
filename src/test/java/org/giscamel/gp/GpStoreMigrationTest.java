package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job store made by the application before it had migrations, with a job the server runs: the new flow opens
 * it, takes it as version 1, adds the later versions, and finishes the job without submitting it again.
 */
class GpStoreMigrationTest {

    private static final String ESRI_POINTS = """
            {"geometryType": "esriGeometryPoint", "spatialReference": {"wkid": 4326},
             "fields": [{"name": "Name", "type": "esriFieldTypeString", "alias": "Name"}],
             "features": [{"geometry": {"x": -117.18, "y": 34.05}, "attributes": {"Name": "Station 1"}}]}""";

    @TempDir
    Path dir;
    @RegisterExtension
    final FastGpEmulator emulator = new FastGpEmulator();

    @Test
    void aStoreMadeBeforeMigrationsOpensAndItsRunningJobIsFinishedOnce() throws Exception {
        String serverJobId = submitOnTheServer();
        Path input = Files.createDirectories(dir.resolve("inbox/buffers/processing")).resolve("points.geojson");
        Files.writeString(input, GpFlowHarness.POINTS);
        GpJobSpec spec = new GpJobSpec("buffers", URI.create(emulator.arcgis().siteUrl() + GpFlowHarness.BUFFER_TASK),
                "Input_Features", (ObjectNode) new ObjectMapper().readTree(GpFlowHarness.DISTANCE), "file:"
                + dir.resolve("outbox/buffers"), Optional.empty(), true, Optional.empty(),
                EnumSet.allOf(GpJobSpec.FeatureFormat.class), 4326);
        String url = GpStoreFixture.h2Url(dir.resolve("data"));
        String id = OldJobStore.create(url, "", "", spec, "points.geojson", input, serverJobId);

        try (GpFlowHarness flow = GpFlowHarness.start(dir, emulator.arcgis(), List.of(GpFlowHarness.Job.buffer("buffers")),
                Map.of())) {
            GpJobRecord job = flow.awaitFinished("buffers", "points.geojson");
            assertEquals(id, job.id());
            assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
            assertEquals(Optional.of(serverJobId), job.serverJobId());
            JsonNode report = GpFlowHarness.json(flow.jobFolder("buffers", job).resolve("job.json"));
            assertEquals(id, report.path("jobId").asText());
            assertEquals(5, report.path("outputs").size(), report::toString);
            assertTrue(Files.exists(dir.resolve("inbox/buffers/done/points.geojson")));
        }
        assertEquals(1, emulator.arcgis().requests().count("POST", ".*/submitJob"), "submitted once, before the upgrade");
        try (Connection c = DriverManager.getConnection(url);
             ResultSet history = c.createStatement().executeQuery("SELECT \"version\", \"type\" FROM \""
                     + GpJobStore.HISTORY + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (history.next()) {
                versions.add(history.getString(1) + " " + history.getString(2));
            }
            assertEquals(List.of("1 BASELINE", "2 SQL"), versions, "the old tables taken as version 1, then version 2");
        }
    }

    @Test
    void aNewStoreGetsEveryVersionAndOpensAgainUnchanged() {
        try (GpStoreFixture first = GpStoreFixture.open(dir, Clock.systemUTC())) {
            assertEquals(List.of(), first.store().newest(10));
        }
        try (GpStoreFixture again = GpStoreFixture.open(dir, Clock.systemUTC())) {
            assertEquals(0L, again.store().countByPhase().values().stream().mapToLong(Long::longValue).sum());
        }
    }

    /** What the application did before it stopped: submitJob on the task, with the site's services token. */
    private String submitOnTheServer() throws Exception {
        String token = emulator.arcgis().tokens().issue("before-the-upgrade", 60L).value();
        String form = "f=json&Input_Features=" + URLEncoder.encode(ESRI_POINTS, StandardCharsets.UTF_8)
                + "&Distance=" + URLEncoder.encode("{\"distance\": 500, \"units\": \"esriMeters\"}", StandardCharsets.UTF_8)
                + "&token=" + token;
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.arcgis().siteUrl() + GpFlowHarness.BUFFER_TASK + "/submitJob"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode job = new ObjectMapper().readTree(reply.body());
        assertTrue(job.hasNonNull("jobId"), reply.body());
        return job.path("jobId").asText();
    }
}
