package org.giscamel.gp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (Debian {@code postgresql}) on loopback: a throw-away cluster in a temporary directory, with
 * password authentication as a production job store has, removed again by {@link #close()}. As root, the server
 * runs as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class PostgresFixture implements AutoCloseable {

    static final String USER = "gis";
    static final String PASSWORD = "job-store-secret";
    private static final Path INSTALLED = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresFixture(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    static PostgresFixture start() throws IOException, InterruptedException {
        Path bin = newestBin();
        Path dir = Files.createTempDirectory("postgres-fixture").toRealPath();
        if (isRoot()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD);
        if (isRoot()) {
            Files.setOwner(passwordFile, Files.getOwner(dir));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresFixture fixture = new PostgresFixture(bin, dir, port);
        fixture.run("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "--no-sync");
        fixture.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
        return fixture;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static Path newestBin() throws IOException {
        if (!Files.isDirectory(INSTALLED)) {
            throw new IllegalStateException(INSTALLED + " is missing: install the Debian package postgresql");
        }
        try (Stream<Path> versions = Files.list(INSTALLED)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + INSTALLED));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Path output = dir.resolve(tool + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " failed: " + Files.readString(output));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> {
                    try {
                        Files.delete(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
