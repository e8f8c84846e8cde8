package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ServiceStatus;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.giscamel.sitejoin.SiteJoinWorld.NODE;
import static org.giscamel.sitejoin.SiteJoinWorld.NODE3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's triggers of the site flows: the create and leave file drops and the reconcile's schedule. */
class SiteTriggersTest {

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

    private void start(Map<String, String> properties) throws Exception {
        start(SiteJoinWorld.twoFreshMachines(), properties);
    }

    private void start(ArcGisEmulatorConfig config, Map<String, String> properties) throws Exception {
        List<String> routes = new ArrayList<>(SiteJoinWorld.ALL_CHAINS);
        routes.add(SiteJoinWorld.SITE_TRIGGERS);
        world = SiteJoinWorld.start(config, dir, properties, routes);
    }

    /** A port that is free, and the one after it too, for the two fresh machines. */
    private static int twoFreePorts() throws IOException {
        while (true) {
            try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(first.getLocalPort() + 1)) {
                return first.getLocalPort();
            } catch (IOException taken) {
                // the next free port may have a free neighbour
            }
        }
    }

    /** The one file of a folder whose name ends in {@code suffix}, once it is there. */
    private static Path awaitOne(Path folder, String suffix) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!Files.isDirectory(folder)) {
                return null;
            }
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
                return found.size() == 1 ? found.get(0) : null;
            }
        }, p -> p != null);
    }

    private static void drop(Path inbox, String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Files.move(Files.writeString(inbox.resolve(name + ".part"), content), inbox.resolve(name));
    }

    @Test
    void withoutACronNeitherTheScheduleNorTheRunAtStartUpStarts() throws Exception {
        start(Map.of());

        for (String route : List.of("site-reconcile-schedule", "site-reconcile-at-startup")) {
            assertEquals(ServiceStatus.Stopped, world.camel.context().getRouteController().getRouteStatus(route), route);
        }
    }

    @Test
    void withACronTheDeclaredSiteIsReconciledAtStartUp() throws Exception {
        ArcGisEmulatorConfig config = SiteJoinWorld.twoFreshMachines();
        config.freshMachinePort = twoFreePorts();
        Path declaration = Files.writeString(dir.resolve("site.yaml"), "machines:\n"
                + "  - adminUrl: \"{{gis.arcgis.url}}/admin\"\n"
                + "  - adminUrl: http://127.0.0.1:" + config.freshMachinePort + "/arcgis/admin\n"
                + "  - adminUrl: http://127.0.0.1:" + (config.freshMachinePort + 1) + "/arcgis/admin\n");
        // A yearly schedule: the run that this test sees is the one at start-up.
        start(config, Map.of("gis.site.declaration", declaration.toString(), "gis.site.reconcile-cron", "0 0 0 1 1 ?"));
        assertEquals(ServiceStatus.Started, world.camel.context().getRouteController().getRouteStatus("site-reconcile-schedule"));

        Path report = awaitOne(dir.resolve("site-reconcile").resolve("reports"), ".json");

        JsonNode json = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(Files.readString(report)),
                r -> !r.path("outcome").asText().equals("running"));
        assertEquals("done", json.path("outcome").asText(), json::toString);
        assertTrue(world.arcgis.site().isMember(NODE) && world.arcgis.site().isMember(NODE3));
    }

    @Test
    void aLeaveRequestFileTakesTheMachineOutAndEndsInDoneBesideItsReport() throws Exception {
        start(Map.of());
        assertTrue(world.joinFresh(0, "default").getException() == null);
        assertTrue(world.joinFresh(1, "default").getException() == null);
        Path inbox = dir.resolve("site-leave").resolve("inbox");

        drop(inbox, "node3.json", "{\"machine\":\"" + world.arcgis.freshMachineUrl(1) + "\"}");

        Path report = awaitOne(inbox.resolve("done"), "-node3.json.report.json");
        assertEquals("done", JSON.readTree(Files.readString(report)).path("outcome").asText());
        assertFalse(world.arcgis.site().isMember(NODE3));
    }

    @Test
    void aCreateRequestThatFailsEndsInFailedWithTheStepNamed() throws Exception {
        start(Map.of("gis.site-create.config-store", ""));
        Path inbox = dir.resolve("site-create").resolve("inbox");

        drop(inbox, "site.json", "{\"directoriesRoot\":\"/gisdata/directories\"}");

        Path error = awaitOne(inbox.resolve("failed"), "-site.json.error.json");
        JsonNode json = JSON.readTree(Files.readString(error));
        assertEquals("read-request", json.path("failedStep").asText());
        assertTrue(json.path("error").asText().contains("gis.site-create.config-store"), json.toString());
    }
}
