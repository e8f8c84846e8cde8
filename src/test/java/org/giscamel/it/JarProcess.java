package org.giscamel.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the packaged executable jar as a real process, the way a user does, and captures its output. */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private JarProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** The executable jar, {@code target/gis-camel-routes.jar}. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("app.jar", "target/gis-camel-routes.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
        }
        return jar;
    }

    /** The library jar beside it, {@code gis-camel-routes-<version>.jar}: the plain artifact embedders depend on. */
    public static Path libraryJar() throws IOException {
        Path buildDir = jar().toAbsolutePath().getParent();
        try (Stream<Path> jars = Files.list(buildDir)) {
            return jars.filter(p -> p.getFileName().toString().matches("gis-camel-routes-.+\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no library jar in " + buildDir));
        }
    }

    /** The folders the flows write to; a run gets its own unless its test chose one. */
    private static final List<String> FOLDER_KEYS = List.of("gis.site-join.inbox", "gis.site-join.report-dir",
            "gis.site-create.inbox", "gis.site-create.report-dir", "gis.site-leave.inbox", "gis.site-leave.report-dir",
            "gis.site.report-dir", "gis.harvest.report-dir", "gis.gp.inbox", "gis.gp.outbox", "gis.gp.data-dir");

    static JarProcess start(List<String> jvmFlags, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        // The jar runs in the project folder (it reads config/, routes/ and samples/ there); its inboxes, outboxes,
        // reports and job store go to a folder of its own, so no run leaves files behind for the next one.
        Path files = Files.createTempDirectory("gis-camel-routes-it-files");
        for (String key : FOLDER_KEYS) {
            if (jvmFlags.stream().noneMatch(f -> f.startsWith("-D" + key + "="))) {
                command.add("-D" + key + "=" + files.resolve(key.substring("gis.".length())));
            }
        }
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        Path output = Files.createTempFile("gis-camel-routes-it", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GIS_"));
        builder.environment().putAll(env);
        return new JarProcess(builder.start(), output);
    }

    /** Runs a one-shot command to completion. */
    static JarProcess runToEnd(List<String> jvmFlags, List<String> args, Map<String, String> env) throws Exception {
        JarProcess p = start(jvmFlags, args, env);
        if (!p.process.waitFor(5, TimeUnit.MINUTES)) {
            p.close();
            throw new IllegalStateException("jar did not finish: " + p.output());
        }
        return p;
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** SIGTERM, as an operator or a container runtime stops the application; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
