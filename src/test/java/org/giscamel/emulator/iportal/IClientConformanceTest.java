package org.giscamel.emulator.iportal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs SuperMap's own iClient for JavaScript (11.1.1 and 9.1.2, from npm) against the emulator: the node project
 * in {@code conformance/iportal} logs in, gets a token, registers, searches, lists, gets, updates and deletes.
 * Skipped where Node.js is not installed; installs its npm packages on first run.
 */
class IClientConformanceTest {

    private static final Path PROJECT = Path.of("conformance", "iportal");
    private static final long INSTALL_MINUTES = 5;
    private static final long RUN_MINUTES = 2;

    private IPortalEmulator portal;

    @BeforeEach
    void start() throws IOException {
        portal = IPortalEmulator.start(IPortalEmulatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void superMapIClientDrivesTheWholeServiceLifecycle() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are needed for the iClient conformance run");
        if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
            assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_MINUTES).exitCode);
        }
        assertEquals(0, run(List.of("npm", "run", "build"), Map.of(), RUN_MINUTES).exitCode);

        Result result = run(List.of("node", "build/iclient-conformance.cjs"), Map.of(
                "IPORTAL_URL", portal.url(),
                "IPORTAL_USER", portal.config().user.username(),
                "IPORTAL_PASSWORD", portal.config().user.password()), RUN_MINUTES);

        assertEquals(0, result.exitCode, result.output);
        for (String line : List.of("login succeed=true", "token bare=true", "register succeed=true id=1 idType=string",
                "duplicate succeed=false code=400", "search total=1 resourceId=1",
                "resource load linkPage=http://127.0.0.1:6080/arcgis/rest/services/Elevation/MapServer",
                "list count=1 id=1", "get resTitle=Elevation", "update succeed=true tags=conformance,updated",
                "delete9 succeed=true", "delete11 succeed=true remaining=0", "CONFORMANCE OK")) {
            assertTrue(result.output.contains(line), "missing '" + line + "' in:\n" + result.output);
        }
        assertEquals(0, portal.registry().count());
        assertEquals(1, portal.requests().count("GET", "/iportal/gateway/catalog/resource/search\\.json"));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, long timeoutMinutes) throws Exception {
        File log = File.createTempFile("iclient-conformance", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                    .redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutMinutes + " min");
            }
            return new Result(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
    }
}
