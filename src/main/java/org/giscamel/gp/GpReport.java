package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The two files every job leaves in its outbox folder: {@code job.json} (the job's ids, what was submitted, the
 * status history, each output with its size and SHA-256, warnings, the failure if any) and {@code job.log} (the
 * server's messages, one per line). {@code jobId} is the job store's id, the one the logs (MDC
 * {@code gis.gpJobId}), the status page and the Kamelet's {@code GisGpJobId} header name; {@code serverJobId} is
 * the server's.
 */
final class GpReport {

    static final String JOB_JSON = "job.json";
    static final String JOB_LOG = "job.log";

    private GpReport() {
    }

    static byte[] jobJson(GpJobRecord job, GpPhase result, List<GpStatusChange> history,
                          List<GpOutputRecord> outputs, List<String> warnings, GpFailure failure) {
        ObjectNode node = GpJson.object().put("job", job.jobName()).put("jobId", job.id())
                .put("task", job.spec().taskUrl().toString())
                .put("execution", job.sync() ? "synchronous" : "asynchronous");
        job.serverJobId().ifPresent(id -> node.put("serverJobId", id));
        node.put("result", result.name());
        node.put("droppedAt", GpJson.time(job.createdAt()));
        if (job.submittedAt() != null) {
            node.put("submittedAt", GpJson.time(job.submittedAt()));
        }
        node.setAll((ObjectNode) job.input());
        ArrayNode statuses = node.putArray("statusHistory");
        history.forEach(h -> statuses.addObject().put("at", GpJson.time(h.at())).put("code", h.status().code())
                .put("status", h.status().wireName()));
        ArrayNode files = node.putArray("outputs");
        for (GpOutputRecord o : outputs) {
            ObjectNode file = files.addObject().put("file", o.file()).put("parameter", o.parameter())
                    .put("kind", o.kind()).put("size", o.size()).put("sha256", o.sha256())
                    .put("writtenAt", GpJson.time(o.writtenAt()));
            if (o.warning() != null) {
                file.put("warning", o.warning());
            }
        }
        ArrayNode notes = node.putArray("warnings");
        outputs.stream().filter(o -> o.warning() != null).forEach(o -> notes.add(o.file() + ": " + o.warning()));
        warnings.forEach(notes::add);
        if (failure != null) {
            node.set("failure", failure.toJson());
        }
        return GpJson.pretty(node);
    }

    /** {@code INFO Submitted.}: the message type without its {@code esriJobMessageType} prefix, then the text. */
    static byte[] jobLog(GpJobRecord job, JsonNode messages) {
        StringBuilder log = new StringBuilder("# Messages of ").append(job.describe()).append(" from ")
                .append(job.spec().taskUrl()).append('\n');
        if (messages != null) {
            for (JsonNode m : messages) {
                log.append(level(m.path("type").asText())).append(' ').append(m.path("description").asText())
                        .append('\n');
            }
        }
        return log.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String level(String type) {
        String kind = type.replaceFirst("^esriJobMessageType", "");
        return switch (kind) {
            case "Informative" -> "INFO";
            case "Warning" -> "WARN";
            case "Error" -> "ERROR";
            default -> kind.isEmpty() ? "INFO" : kind.toUpperCase(Locale.ROOT);
        };
    }
}
