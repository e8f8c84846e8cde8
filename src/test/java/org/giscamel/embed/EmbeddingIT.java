package org.giscamel.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.giscamel.it.JarProcess;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The library jar embedded in a separate Camel application: a child JVM whose classpath is the library jar and its
 * runtime dependencies only, running {@code org.apache.camel.main.Main} with the application's own configuration and
 * YAML routes ({@code src/test/resources/embed/}), against emulators that this test starts. It runs a GP job through
 * {@code kamelet:arcgis-gp-job-action} and a harvest through the {@code gis-harvest} route template.
 */
class EmbeddingIT {

    private static final String POINTS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"Name": "Station 1"}, "geometry": {"type": "Point", "coordinates": [-117.18, 34.05]}},
              {"type": "Feature", "properties": {"Name": "Station 2"}, "geometry": {"type": "Point", "coordinates": [-117.15, 34.06]}}]}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path app;
    private ArcGisEmulator arcgis;
    private IPortalEmulator portal;
    private Process child;
    private Path log;

    @BeforeEach
    void startEmulators() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
        portal = IPortalEmulator.start(IPortalEmulatorConfig.defaults());
    }

    @AfterEach
    void stopAll() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
            // the application's own log, kept in failsafe-reports/*-output.txt
            System.out.println(log());
        }
        portal.close();
        arcgis.close();
    }

    @Test
    void aCamelApplicationWithOnlyTheLibraryJarRunsAGpJobThroughTheKameletAndHarvestsThroughTheTemplate()
            throws Exception {
        copyResource("application.properties");
        copyResource("embedding-app.camel.yaml");
        Files.createDirectories(app.resolve("features"));
        Path dropped = Files.writeString(app.resolve("points.tmp"), POINTS);
        Files.move(dropped, app.resolve("features/points.geojson"), StandardCopyOption.ATOMIC_MOVE);

        startChild();
        Path manifestFile = app.resolve("manifests/points.json");
        Path harvestStatus = app.resolve("harvest-status.txt");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> (Files.exists(manifestFile) && Files.exists(harvestStatus)) || !child.isAlive());
        } catch (ConditionTimeoutException e) {
            fail("no manifest or harvest status within a minute:\n" + log());
        }
        assertTrue(child.isAlive(), "the application stopped early:\n" + log());

        JsonNode manifest = JSON.readTree(manifestFile.toFile());
        assertEquals("buffer-points", manifest.path("job").asText(), log());
        assertEquals("SUCCEEDED", manifest.path("result").asText());
        assertEquals("points.geojson", manifest.path("input").path("file").asText());
        Path jobFolder = app.resolve("outbox/gp/buffer-points/points-" + manifest.path("serverJobId").asText());
        assertFalse(manifest.path("outputs").isEmpty());
        for (JsonNode output : manifest.path("outputs")) {
            byte[] written = Files.readAllBytes(jobFolder.resolve(output.path("file").asText()));
            assertEquals(output.path("sha256").asText(), sha256(written), output.toString());
        }

        assertEquals("SUCCEEDED", Files.readString(harvestStatus).trim(), log());
        Set<String> harvested = portal.registry().list().stream()
                .filter(r -> r.tags().contains("gis-harvest-embed"))
                .map(r -> r.linkPage().substring(arcgis.siteUrl().length()))
                .collect(Collectors.toSet());
        assertTrue(harvested.containsAll(Set.of("/rest/services/SampleWorldCities/MapServer",
                "/rest/services/Basemaps/Streets/MapServer")), harvested.toString());
        // The strict portal refuses secured services (it checks that each registered service answers).
        assertTrue(harvested.stream().noneMatch(linkage -> linkage.contains("/Secured/")), harvested.toString());
        assertTrue(harvested.stream().noneMatch(linkage -> linkage.contains("GeometryServer")), harvested.toString());
        assertTrue(portal.registry().list().stream().map(ServiceRegistration::userName)
                .allMatch(portal.config().user.username()::equals));

        String log = log();
        assertFalse(log.contains("emulator"), "the library started something of its own:\n" + log);
        assertFalse(log.contains(arcgis.config().password) || log.contains(portal.config().user.password()),
                "a password reached the log");
    }

    private void startChild() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(libraryClasspath());
        command.add("org.apache.camel.main.Main");
        command.add("-pl");
        command.add("file:" + app.resolve("application.properties"));
        command.add("-d");
        command.add("120"); // a child the test lost track of does not outlive it for long
        log = app.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GIS_"));
        builder.environment().putAll(Map.of(
                "GIS_ARCGIS_URL", arcgis.siteUrl(),
                "GIS_ARCGIS_USERNAME", arcgis.config().username,
                "GIS_ARCGIS_PASSWORD", arcgis.config().password,
                "GIS_IPORTAL_URL", portal.url(),
                "GIS_IPORTAL_USERNAME", portal.config().user.username(),
                "GIS_IPORTAL_PASSWORD", portal.config().user.password()));
        child = builder.start();
    }

    /** The library jar (not the executable one) and the runtime classpath Maven wrote beside it at package time. */
    private static String libraryClasspath() throws Exception {
        Path library = JarProcess.libraryJar();
        Path classpath = library.getParent().resolve("classpath.txt");
        if (!Files.isRegularFile(classpath)) {
            throw new IllegalStateException(classpath + " is missing: integration tests run after `mvn package`");
        }
        return library + File.pathSeparator + Files.readString(classpath).trim();
    }

    private void copyResource(String name) throws Exception {
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/embed/" + name), name)) {
            Files.copy(in, app.resolve(name));
        }
    }

    private String log() throws Exception {
        return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
