package org.giscamel.harvest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a run's JSON report, {@code harvest-<source>-<UTC time>.json}: the run, its counts, the parts of the
 * source that could not be read, the delete guard and one entry per item with its action and result. It is
 * streamed, so a run over many thousands of services never builds the report in memory. Only the newest reports
 * of each source are kept.
 */
final class HarvestReportWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;
    private final int kept;

    HarvestReportWriter(Path dir, int kept) {
        this.dir = dir;
        this.kept = kept;
    }

    Path write(HarvestRun run, String portalUrl) {
        try {
            Files.createDirectories(dir);
            String name = "harvest-" + run.id() + ".json";
            Path partial = dir.resolve(name + ".part");
            try (JsonGenerator json = JSON.createGenerator(partial.toFile(), JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                write(json, run, portalUrl);
            }
            Path report = Files.move(partial, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            prune(run.source().id());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the harvest report in " + dir, e);
        }
    }

    private static void write(JsonGenerator json, HarvestRun run, String portalUrl) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", run.source().id());
        json.writeStringField("kind", run.source().catalog().kind());
        json.writeArrayFieldStart("sourceUrls");
        for (String url : run.source().catalog().urls()) {
            json.writeString(url);
        }
        json.writeEndArray();
        json.writeStringField("portal", portalUrl);
        json.writeStringField("marker", run.source().marker());
        json.writeStringField("startedAt", run.startedAt().toString());
        json.writeStringField("finishedAt", run.finishedAt().map(Object::toString).orElse(null));
        json.writeBooleanField("dryRun", run.dryRun());
        json.writeBooleanField("forced", run.forced());
        json.writeStringField("status", String.valueOf(run.status()));
        json.writeStringField("reason", run.reason());
        HarvestCounts c = run.counts();
        json.writeObjectFieldStart("counts");
        json.writeNumberField("servicesRead", c.servicesRead());
        json.writeNumberField("owned", c.owned());
        json.writeNumberField("create", c.create());
        json.writeNumberField("update", c.update());
        json.writeNumberField("delete", c.delete());
        json.writeNumberField("unchanged", c.unchanged());
        json.writeNumberField("keep", c.keep());
        json.writeNumberField("done", c.done());
        json.writeNumberField("failed", c.failed());
        json.writeNumberField("unreadableParts", c.unreadableParts());
        json.writeEndObject();
        json.writeArrayFieldStart("unreadable");
        for (UnreadablePart part : run.unreadable()) {
            json.writeStartObject();
            json.writeStringField("part", part.what());
            json.writeStringField("url", part.urlPrefix());
            json.writeStringField("reason", part.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("visibleOnlyWithToken");
        for (String service : run.visibleOnlyWithToken()) {
            json.writeString(service);
        }
        json.writeEndArray();
        if (run.plan().isPresent()) {
            DeleteGuard guard = run.plan().get().guard();
            json.writeObjectFieldStart("deleteGuard");
            json.writeNumberField("deletes", guard.deletes());
            json.writeNumberField("owned", guard.owned());
            json.writeNumberField("limitPercent", guard.limitPercent());
            json.writeBooleanField("forced", guard.forced());
            json.writeBooleanField("tripped", guard.tripped());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("items");
        for (ItemOutcome outcome : run.outcomes()) {
            PlannedItem item = outcome.item();
            json.writeStartObject();
            json.writeStringField("action", item.action().name());
            json.writeStringField("service", item.label());
            json.writeStringField("url", item.linkage());
            if (outcome.registrationId() != null) {
                json.writeNumberField("registrationId", outcome.registrationId());
            }
            json.writeStringField("result", outcome.result().name());
            if (item.note() != null) {
                json.writeStringField("note", item.note());
            }
            if (outcome.error() != null) {
                json.writeStringField("error", outcome.error());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The names sort by time, so the oldest come first; another source's id may start with this one's. */
    private void prune(String sourceId) throws IOException {
        Pattern ofSource = Pattern.compile(Pattern.quote("harvest-" + sourceId + "-") + "\\d{8}T[\\d.]+Z\\.json");
        List<Path> reports = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "harvest-*.json")) {
            files.forEach(file -> {
                if (ofSource.matcher(file.getFileName().toString()).matches()) {
                    reports.add(file);
                }
            });
        }
        reports.sort(null);
        for (int i = 0; i < reports.size() - kept; i++) {
            Files.deleteIfExists(reports.get(i));
        }
    }
}
