package org.giscamel.emulator;

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
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A Node.js project under {@code conformance/} through which a conformance test runs a vendor's own client against
 * an emulator. Conformance tests fail, never skip, without Node.js: CI installs it, and a silently skipped run
 * would hide a broken emulator.
 */
public final class NodeProject {

    private static final long INSTALL_MINUTES = 5;
    private static final long RUN_MINUTES = 2;

    /** What a command printed (stdout and stderr together) and how it ended. */
    public record Run(int exitCode, String output) {

        public Run assertSucceeded() {
            assertEquals(0, exitCode, output);
            return this;
        }

        /** Asserts that each expected text starts a printed line, showing the whole output otherwise. */
        public void assertPrinted(List<String> expected) {
            for (String text : expected) {
                assertTrue(output.lines().anyMatch(line -> line.startsWith(text)),
                        "no line starts with '" + text + "' in:\n" + output);
            }
        }
    }

    /** A command left running, such as a server a test talks to; {@link #close()} stops it. */
    public static final class Background implements AutoCloseable {

        private static final long STOP_SECONDS = 10;

        private final Process process;
        private final Path log;

        private Background(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** What it has printed so far (stdout and stderr together). */
        public String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        }
    }

    private final Path directory;

    private NodeProject(Path directory) {
        this.directory = directory;
    }

    /**
     * The project in {@code conformance/<name>}, its npm packages installed with {@code npm ci} when
     * {@code node_modules} is missing or older than {@code package-lock.json}.
     */
    public static NodeProject installed(String name) throws Exception {
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                fail(tool + " is not on the PATH: the " + name + " conformance run needs Node.js 20 and npm "
                        + "(CI installs them; install the nodejs and npm packages locally)");
            }
        }
        NodeProject project = new NodeProject(Path.of("conformance", name));
        if (project.needsInstall()) {
            Run install = project.run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_MINUTES);
            assertEquals(0, install.exitCode(), "npm ci in " + project.directory + " failed:\n" + install.output());
        }
        return project;
    }

    /** Runs a command in the project directory with extra environment variables (the place for secrets). */
    public Run run(List<String> command, Map<String, String> environment) throws Exception {
        return run(command, environment, RUN_MINUTES);
    }

    /** Starts a command in the project directory that keeps running until the returned handle is closed. */
    public Background start(List<String> command, Map<String, String> environment) throws IOException {
        File log = File.createTempFile("node-conformance", ".log");
        return new Background(launch(command, environment, log), log.toPath());
    }

    private boolean needsInstall() throws IOException {
        Path installedLock = directory.resolve("node_modules").resolve(".package-lock.json");
        return !Files.exists(installedLock) || Files.getLastModifiedTime(installedLock)
                .compareTo(Files.getLastModifiedTime(directory.resolve("package-lock.json"))) < 0;
    }

    private Run run(List<String> command, Map<String, String> environment, long timeoutMinutes) throws Exception {
        File log = File.createTempFile("node-conformance", ".log");
        try {
            Process process = launch(command, environment, log);
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutMinutes + " min:\n"
                        + Files.readString(log.toPath(), StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    private Process launch(List<String> command, Map<String, String> environment, File log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
    }
}
