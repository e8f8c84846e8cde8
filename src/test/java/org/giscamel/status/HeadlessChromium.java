package org.giscamel.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's Chromium run headless, one fresh profile per call, with nothing fetched but the page itself. */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final String INSTALL_HINT = "Chromium is missing at " + BINARY + "; install it with "
            + "apt-get update && apt-get install -y --no-install-recommends chromium (.ci/run does)";
    private static final long TIMEOUT_SECONDS = 90;

    private final Path workDir;
    private int calls;

    HeadlessChromium(Path workDir) {
        this.workDir = workDir;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM once the page has loaded, serialised as HTML. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** Writes a PNG screenshot of the page in a window of the given size. */
    void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, url));
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(workDir.resolve("profile-" + ++calls));
        Path stdout = workDir.resolve("chromium-" + calls + ".out");
        Path stderr = workDir.resolve("chromium-" + calls + ".err");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(args);
        Process chromium = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (chromium.exitValue() != 0) {
            throw new IllegalStateException("Chromium exited with " + chromium.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
