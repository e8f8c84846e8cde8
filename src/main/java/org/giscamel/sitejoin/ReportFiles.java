package org.giscamel.sitejoin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Writes reports and error notes as whole files, so a reader never sees half a JSON document. */
final class ReportFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private ReportFiles() {
    }

    /** A sortable UTC time stamp for file names. */
    static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** A machine's host and port for a file name, e.g. {@code 127.0.0.1-6080}; {@code invalid-request} for none. */
    static String subject(URI machine) {
        return machine == null ? "invalid-request" : safe(machine.getHost() + (machine.getPort() >= 0 ? "-" + machine.getPort() : ""));
    }

    /** The text with every character a file name should not hold replaced. */
    static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    /**
     * Deletes all but the newest {@code kept} reports {@code <prefix><stamp>-...json} of {@code dir}: their names sort
     * by time, so the oldest come first.
     */
    static void keepNewest(Path dir, String prefix, int kept) {
        Pattern report = Pattern.compile(Pattern.quote(prefix) + "\\d{8}-\\d{6}-\\d{3}-.*\\.json");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> reports = files.filter(f -> report.matcher(f.getFileName().toString()).matches()).sorted().toList();
            for (int i = 0; i < reports.size() - kept; i++) {
                Files.deleteIfExists(reports.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove old reports from " + dir, e);
        }
    }

    static void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".writing-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
