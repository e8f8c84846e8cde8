package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisSite;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Spring Boot example ({@code examples/spring-boot}) built as a user builds it, against this build's library
 * jar, and run against emulators that this test starts. The library jar and its pom are deployed to a repository
 * folder under the build directory, and the example is packaged from there with the same Maven and local repository
 * as this build; its executable jar then runs in a folder of its own, configured by its application.yaml, the
 * environment and the command line. The test drops a GeoJSON file and checks the GP job's manifest and outputs, the
 * harvest's iPortal registrations, the joined machine, and the actuator's health with the library's readiness
 * checks, and that the library logged through Spring's Logback.
 */
class SpringBootExampleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("examples/spring-boot/pom.xml");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
        config.machineStartDelay = Duration.ofMillis(200);
        config.joinRestartWindow = Duration.ofMillis(300);
        config.joinPollAfterSeconds = 0;
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
            // the application's own output, kept in failsafe-reports/*-output.txt
            System.out.println(output());
        }
        portal.close();
        arcgis.close();
    }

    @Test
    void theExampleRunsTheThreeFlowsOnSpringBootAndShowsTheLibrarysReadinessInItsActuatorHealth() throws Exception {
        Path jar = buildExample();
        assertLogbackOnly(jar);

        Files.createDirectories(app.resolve("features"));
        Path dropped = Files.copy(Path.of("samples/points.geojson"), app.resolve("points.tmp"));
        Files.move(dropped, app.resolve("features/points.geojson"), StandardCopyOption.ATOMIC_MOVE);
        int port = JarProcess.freePort();
        startExample(jar, port);

        JsonNode manifest = JSON.readTree(awaitFile(app.resolve("manifests/points.json")).toFile());
        assertEquals("buffer-points", manifest.path("job").asText(), output());
        assertEquals("SUCCEEDED", manifest.path("result").asText(), manifest::toString);
        Path jobFolder = app.resolve("outbox/gp/buffer-points/points-" + manifest.path("serverJobId").asText());
        assertFalse(manifest.path("outputs").isEmpty());
        for (JsonNode output : manifest.path("outputs")) {
            byte[] written = Files.readAllBytes(jobFolder.resolve(output.path("file").asText()));
            assertEquals(output.path("sha256").asText(), sha256(written), output.toString());
        }

        // on the schedule of GIS_HARVEST_CRON, not on application.yaml's hourly one
        Path harvestReport = awaitFile(app.resolve("reports/harvest"), ".json");
        assertEquals("SUCCEEDED", JSON.readTree(harvestReport.toFile()).path("status").asText());
        Set<String> harvested = portal.registry().list().stream()
                .filter(r -> r.tags().contains("gis-harvest-example"))
                .map(r -> r.linkPage().substring(arcgis.siteUrl().length()))
                .collect(Collectors.toSet());
        assertTrue(harvested.containsAll(Set.of("/rest/services/SampleWorldCities/MapServer",
                "/rest/services/Basemaps/Streets/MapServer")), harvested.toString());
        assertTrue(harvested.stream().noneMatch(linkage -> linkage.contains("GeometryServer")), harvested.toString());

        // the machine of --gis.siteJoin.machineUrl, a relaxed form of gis.site-join.machine-url
        awaitTrue("the machine did not start", () -> arcgis.site().machine(arcgis.config().freshMachineName)
                .map(ArcGisSite.MachineState::realTimeState).filter("STARTED"::equals).isPresent());
        Path joinReport = awaitFile(app.resolve("reports/site-join"), ".json");
        assertEquals("site-join", JSON.readTree(joinReport.toFile()).path("flow").asText());

        JsonNode health = awaitHealth(port);
        assertEquals("UP", health.path("status").asText(), health::toString);
        JsonNode camelChecks = health.path("components").path("camelHealth").path("details");
        for (String check : List.of("gis-arcgis", "gis-iportal", "gis-gp-job-store")) {
            assertEquals("UP", camelChecks.path(check).asText(), () -> check + " in " + health);
        }
        JsonNode runs = JSON.readTree(get(port, "/actuator/metrics/gis.harvest.runs").body());
        assertEquals("gis.harvest.runs", runs.path("name").asText(), runs::toString);

        String logFile = Files.readString(app.resolve("logs/example.log"));
        assertTrue(logFile.contains("GP job 'buffer-points' points.geojson: submitted as"),
                "the library's log lines are not in Spring's log file:\n" + logFile);
        String output = output();
        assertFalse(output.contains("SLF4J(W)") || output.contains("SLF4J: "), output);
        assertFalse(output.contains(arcgis.config().password) || output.contains(portal.config().user.password()),
                "a password reached the log");
    }

    /** Deploys the library jar of this build, then packages the example against it. */
    private Path buildExample() throws Exception {
        Path buildDir = Path.of(System.getProperty("app.jar", "target/gis-camel-routes.jar")).toAbsolutePath()
                .getParent();
        Path library;
        try (Stream<Path> jars = Files.list(buildDir)) {
            library = jars.filter(p -> p.getFileName().toString().matches("gis-camel-routes-.+\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no library jar in " + buildDir
                            + ": integration tests run after `mvn package`"));
        }
        Path work = buildDir.resolve("spring-boot-example");
        Path repository = work.resolve("library-repository");
        deleteTree(repository);
        Files.createDirectories(work);
        // outside the project folder, so this Maven run reads no project of its own
        maven(work, "org.apache.maven.plugins:maven-deploy-plugin:3.1.3:deploy-file",
                "-Dfile=" + library, "-DpomFile=" + Path.of("pom.xml").toAbsolutePath(),
                "-Durl=" + repository.toUri(), "-DrepositoryId=gis-camel-routes-library");
        Path exampleBuild = work.resolve("build");
        maven(Path.of("").toAbsolutePath(), "-f", EXAMPLE.toString(), "package",
                "-Dgis.library.repository=" + repository.toUri(), "-Dbuild.dir=" + exampleBuild);
        return exampleBuild.resolve("gis-spring-boot-example.jar");
    }

    /**
     * This build's Maven and local repository. Never offline, where Maven refuses even a repository folder; every
     * other artifact comes from the local repository, so the network is used only for what it lacks.
     */
    private void maven(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        String home = System.getProperty("maven.home", "");
        command.add(home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString());
        command.addAll(List.of("-B", "-q"));
        String localRepository = System.getProperty("it.maven.repo.local", "");
        if (!localRepository.isEmpty()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.addAll(List.of(args));
        Path output = Files.createTempFile(app, "maven", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        if (!maven.waitFor(15, TimeUnit.MINUTES)) {
            maven.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not end within 15 minutes:\n" + Files.readString(output));
        }
        assertEquals(0, maven.exitValue(), () -> String.join(" ", command) + " failed:\n" + read(output));
    }

    /** Spring's Logback is the application's one SLF4J backend: the library brought no Log4j along. */
    private static void assertLogbackOnly(Path jar) throws IOException {
        try (JarFile boot = new JarFile(jar.toFile())) {
            List<String> libraries = boot.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();
            assertTrue(libraries.stream().anyMatch(name -> name.contains("/gis-camel-routes-")), libraries::toString);
            assertTrue(libraries.stream().anyMatch(name -> name.contains("/logback-classic-")), libraries::toString);
            assertTrue(libraries.stream().noneMatch(name -> name.contains("/log4j-core-")
                    || name.contains("/log4j-slf4j")), libraries::toString);
        }
    }

    private void startExample(Path jar, int port) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--logging.file.name=logs/example.log",
                "--gis.siteJoin.machineUrl=" + arcgis.freshMachineUrl(),
                // a child the test lost track of does not outlive it for long
                "--camel.main.duration-max-seconds=600");
        log = app.resolve("example.out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GIS_"));
        builder.environment().putAll(Map.of(
                "GIS_ARCGIS_URL", arcgis.siteUrl(),
                "GIS_ARCGIS_USERNAME", arcgis.config().username,
                "GIS_ARCGIS_PASSWORD", arcgis.config().password,
                "GIS_IPORTAL_URL", portal.url(),
                "GIS_IPORTAL_USERNAME", portal.config().user.username(),
                "GIS_IPORTAL_PASSWORD", portal.config().user.password(),
                "GIS_HARVEST_CRON", "0/2 * * * * ?",
                "GIS_SITEJOIN_POLLINTERVAL", "100ms"));
        child = builder.start();
    }

    /** The health once it is UP with every library check in it, or the last one seen. */
    private JsonNode awaitHealth(int port) {
        List<JsonNode> seen = new ArrayList<>();
        awaitTrue(() -> "no UP health with the library's checks; last: " + seen, () -> {
            JsonNode health = JSON.readTree(get(port, "/actuator/health").body());
            seen.clear();
            seen.add(health);
            JsonNode details = health.path("components").path("camelHealth").path("details");
            return details.has("gis-arcgis") && details.has("gis-iportal") && details.has("gis-gp-job-store")
                    && "UP".equals(health.path("status").asText());
        });
        return seen.get(0);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path awaitFile(Path file) {
        awaitTrue("no " + file, () -> Files.exists(file));
        return file;
    }

    private Path awaitFile(Path folder, String suffix) throws IOException {
        awaitTrue("nothing in " + folder, () -> newest(folder, suffix).isPresent());
        return newest(folder, suffix).orElseThrow();
    }

    private static Optional<Path> newest(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).max(Comparator.naturalOrder());
        }
    }

    private void awaitTrue(String what, Callable<Boolean> condition) {
        awaitTrue(() -> what, condition);
    }

    /** Waits for the condition while the application runs; says why when it stops or the wait ends. */
    private void awaitTrue(Supplier<String> what, Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> !child.isAlive() || condition.call());
        } catch (ConditionTimeoutException e) {
            fail(what.get() + " within two minutes:\n" + output());
        }
        assertTrue(child.isAlive(), () -> "the application stopped: " + what.get() + "\n" + output());
    }

    private String output() {
        return log == null ? "" : read(log);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
