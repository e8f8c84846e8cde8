package org.giscamel.status;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.harvest.HarvestCounts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newest harvest runs, from the reports in {@code gis.harvest.report-dir}
 * ({@code harvest-<source>-<UTC start>.json}, as the harvest names them). Only the newest reports are opened, and
 * each is streamed: its item list may hold many thousands of entries, of which only the failed ones matter here.
 */
public final class HarvestReports {

    private static final Pattern REPORT_NAME = Pattern.compile("harvest-(.+)-(\\d{8}T\\d{6}\\.\\d{3}Z)\\.json");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final int errorsKept;

    /** @param errorsKept how many unreadable parts and failed writes a summary lists; the rest are only counted */
    public HarvestReports(Path dir, int errorsKept) {
        this.dir = dir;
        this.errorsKept = errorsKept;
    }

    public Path dir() {
        return dir;
    }

    /** The newest runs of all sources, newest first; none when the folder does not exist yet. */
    public List<HarvestRunSummary> newest(int limit) throws IOException {
        List<Report> reports = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "harvest-*.json")) {
            for (Path file : files) {
                Matcher name = REPORT_NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    reports.add(new Report(file, name.group(1), name.group(2)));
                }
            }
        } catch (NoSuchFileException noRunYet) {
            return List.of();
        }
        return reports.stream()
                .sorted(Comparator.comparing(Report::stamp).thenComparing(Report::source).reversed())
                .limit(limit)
                .map(this::summary)
                .toList();
    }

    private record Report(Path file, String source, String stamp) {
    }

    private HarvestRunSummary summary(Report report) {
        String name = report.file().getFileName().toString();
        try (JsonParser json = JSON.createParser(report.file().toFile())) {
            return read(json, name);
        } catch (JsonProcessingException e) {
            return HarvestRunSummary.unreadableReport(name, report.source(), stampTime(report.stamp()),
                    e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            return HarvestRunSummary.unreadableReport(name, report.source(), stampTime(report.stamp()),
                    String.valueOf(e.getMessage()));
        }
    }

    private HarvestRunSummary read(JsonParser json, String name) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("it is not a JSON object");
        }
        Fields run = new Fields();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "source", "startedAt", "finishedAt", "status", "reason", "dryRun", "forced", "counts" ->
                        run.values.set(field, json.<JsonNode>readValueAsTree());
                case "unreadable" -> eachObject(json, part -> {
                    run.unreadableCount++;
                    if (run.unreadable.size() < errorsKept) {
                        run.unreadable.add(part.path("part").asText() + ": " + part.path("reason").asText());
                    }
                });
                case "items" -> eachObject(json, item -> {
                    // A service the portal would not register (NOT_REGISTERED) carries its reason, but is no failed write.
                    if (item.path("result").asText().equals("FAILED")) {
                        run.itemErrorCount++;
                        if (run.itemErrors.size() < errorsKept) {
                            run.itemErrors.add(item.path("action").asText() + " " + item.path("service").asText()
                                    + ": " + item.path("error").asText());
                        }
                    }
                });
                default -> json.skipChildren();
            }
        }
        return run.summary(name);
    }

    /** Reads an array one element at a time, so only one item is ever in memory. */
    private static void eachObject(JsonParser json, Consumer<JsonNode> reader) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            json.skipChildren();
            return;
        }
        while (json.nextToken() != JsonToken.END_ARRAY) {
            reader.accept(json.readValueAsTree());
        }
    }

    private static Instant stampTime(String stamp) {
        return LocalDateTime.parse(stamp, STAMP).toInstant(ZoneOffset.UTC);
    }

    /** The report's fields as read so far: its small top-level values, and the listed errors. */
    private static final class Fields {
        private final ObjectNode values = JSON.createObjectNode();
        private final List<String> unreadable = new ArrayList<>();
        private final List<String> itemErrors = new ArrayList<>();
        private int unreadableCount;
        private int itemErrorCount;

        HarvestRunSummary summary(String name) {
            JsonNode c = values.path("counts");
            HarvestCounts counts = new HarvestCounts(c.path("servicesRead").asInt(), c.path("owned").asInt(),
                    c.path("unreadableParts").asInt(), c.path("create").asLong(), c.path("update").asLong(),
                    c.path("delete").asLong(), c.path("unchanged").asLong(), c.path("keep").asLong(),
                    c.path("done").asLong(), c.path("failed").asLong());
            return new HarvestRunSummary(name, values.path("source").asText(), instant("startedAt"),
                    instant("finishedAt"), values.path("dryRun").asBoolean(), values.path("forced").asBoolean(),
                    values.path("status").asText(HarvestRunSummary.UNREADABLE), text("reason"), counts, unreadable,
                    unreadableCount, itemErrors, itemErrorCount);
        }

        private String text(String field) {
            JsonNode value = values.path(field);
            return value.isTextual() ? value.asText() : null;
        }

        private Instant instant(String field) {
            String value = text(field);
            try {
                return value == null ? null : Instant.parse(value);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
