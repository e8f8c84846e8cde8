package org.giscamel.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobSpec;
import org.giscamel.gp.GpJobStore;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A job store in a temp folder, filled through its public API, and harvest reports as the harvest writes them. */
final class StatusFixtures {

    static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");
    private static final AtomicInteger CONTENT = new AtomicInteger();

    private StatusFixtures() {
    }

    /** An open store whose jobs are all created at {@link #CREATED}. */
    static GpJobStore store(Path dir) {
        GpJobStore store = new GpJobStore("jdbc:h2:file:" + dir.resolve("gp-jobs") + ";WRITE_DELAY=0", "", "",
                Clock.fixed(CREATED, ZoneOffset.UTC));
        store.open();
        return store;
    }

    /** A job recorded as about to be submitted; {@code output} is the declaration's output endpoint URI. */
    static GpJobRecord intent(GpJobStore store, String job, String inputName, String output) {
        GpJobSpec spec = new GpJobSpec(job, URI.create("https://gis.example.com/arcgis/rest/services/S/GPServer/T"),
                "Input", JsonNodeFactory.instance.objectNode(), output, Optional.empty(), true, Optional.empty(),
                EnumSet.allOf(GpJobSpec.FeatureFormat.class), 4326);
        String sha = String.format("%064x", CONTENT.incrementAndGet());
        return store.recordIntent(new GpJobStore.NewJob(spec, inputName, Path.of("inbox", inputName), sha,
                JsonNodeFactory.instance.objectNode(), CREATED.toEpochMilli() + 3_600_000));
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
