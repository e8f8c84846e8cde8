package org.giscamel.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.giscamel.gp.GpJobLifecycle;
import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpStoreFixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A job store in a temp folder, filled through the GP state machine, and harvest reports as the harvest writes them. */
final class StatusFixtures {

    static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");
    private static final AtomicInteger CONTENT = new AtomicInteger();

    private StatusFixtures() {
    }

    /** A job store whose jobs are all created at {@link #CREATED}, and the folder their inputs would lie in. */
    record Jobs(GpStoreFixture fixture, Path dir) implements AutoCloseable {

        GpJobStore store() {
            return fixture.store();
        }

        GpJobLifecycle lifecycle() {
            return fixture.jobs();
        }

        /** A job recorded as about to be submitted; {@code output} is the declaration's output endpoint URI. */
        GpJobRecord intent(String job, String inputName, String output) {
            String sha = String.format("%064x", CONTENT.incrementAndGet());
            return fixture.recorded(GpStoreFixture.spec(job, output), inputName, dir.resolve("inbox").resolve(inputName),
                    sha, CREATED.toEpochMilli() + 3_600_000);
        }

        /** Submitted and succeeded on the server as {@code serverJobId}: its outputs are being written. */
        GpJobRecord downloading(GpJobRecord job, String serverJobId) {
            return fixture.downloading(job, serverJobId);
        }

        @Override
        public void close() {
            fixture.close();
        }
    }

    static Jobs jobs(Path dir) {
        return new Jobs(GpStoreFixture.open(dir, Clock.fixed(CREATED, ZoneOffset.UTC)), dir);
    }

    /**
     * A report as {@code HarvestReportWriter} writes it, named {@code harvest-<source>-<stamp>.json}.
     *
     * @param itemErrors the error of each failed write, one item each
     */
    static Path report(Path dir, String source, String stamp, String status, String reason, List<String> itemErrors)
            throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < itemErrors.size(); i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"action": "CREATE", "service": "Folder/Service%d (MapServer)", "url": "https://gis/%d",
                     "result": "FAILED", "error": %s}""".formatted(i, i, json(itemErrors.get(i))));
        }
        items.append(itemErrors.isEmpty() ? "" : ",").append("""
                {"action": "UPDATE", "service": "Roads (MapServer)", "url": "https://gis/roads", "registrationId": 7,
                 "result": "DONE"}""");
        String report = """
                {
                  "source": %s, "kind": "arcgis", "sourceUrls": ["https://gis.example.com/arcgis"],
                  "portal": "https://portal.example.com/iportal", "marker": "gis-harvest-%s",
                  "startedAt": "2026-01-15T10:00:00Z", "finishedAt": "2026-01-15T10:00:02.500Z",
                  "dryRun": false, "forced": false, "status": %s, "reason": %s,
                  "counts": {"servicesRead": 12, "owned": 10, "create": %d, "update": 1, "delete": 0, "unchanged": 9,
                             "keep": 1, "done": 1, "failed": %d, "unreadableParts": 1},
                  "unreadable": [{"part": "folder Secured", "url": "https://gis/Secured", "reason": "HTTP 403"}],
                  "deleteGuard": {"deletes": 0, "owned": 10, "limitPercent": 20, "forced": false, "tripped": false},
                  "items": [%s]
                }
                """.formatted(json(source), source, json(status), reason == null ? "null" : json(reason),
                itemErrors.size(), itemErrors.size(), items);
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("harvest-" + source + "-" + stamp + ".json"), report,
                StandardCharsets.UTF_8);
    }

    private static String json(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }
}
