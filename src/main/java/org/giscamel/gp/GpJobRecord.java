package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One job as the job store holds it.
 *
 * @param id             the flow's own id, given before the server is asked (the server's id may never come); the
 *                       same id is in job.json ({@code jobId}), in the logs (MDC {@code gis.gpJobId}), on the status
 *                       page and in the Kamelet's {@code GisGpJobId} header
 * @param inputPath      where the dropped file lies while the job runs ({@code <inbox>/processing/..})
 * @param status         the last status the server reported; empty before its first answer
 * @param sync           executed synchronously ({@code execute}); its results came with the reply
 * @param nextPollAt     when the poller next looks at the job (epoch ms)
 * @param executingSince when the job was first seen executing, for the completion estimate
 * @param input          what was submitted: the input file's summary and the fixed parameters
 * @param results        an async job's {@code results} map, or a sync execution's {@code results} array
 * @param messages       the server's messages from the final read
 * @param outcome        once its end is decided ({@link GpPhase#COMPLETING} and after): SUCCEEDED, FAILED or TIMED_OUT
 * @param warnings       notes for job.json decided with the outcome, beside those of each output
 */
public record GpJobRecord(String id, GpJobSpec spec, String inputName, Path inputPath, String inputSha256,
                          GpPhase phase, Optional<String> serverJobId, Optional<GpJobStatus> status, boolean sync,
                          long createdAt, Long submittedAt, long deadlineAt, long nextPollAt, int pollCount,
                          int errorCount, String progress, Long executingSince, JsonNode input, JsonNode results,
                          JsonNode messages, Optional<GpFailure> failure, Long finishedAt, Optional<GpPhase> outcome,
                          List<String> warnings) {

    public GpJobRecord {
        warnings = List.copyOf(warnings);
    }

    public String jobName() {
        return spec.name();
    }

    /**
     * The job's folder in the outbox: the input's base name and the server's job id (ours for sync jobs). A WPS
     * job's id is its status location URL; the folder takes its last path segment ({@code <uuid>.xml} → uuid).
     */
    public String outputFolder() {
        int dot = inputName.lastIndexOf('.');
        String base = dot > 0 ? inputName.substring(0, dot) : inputName;
        String jobId = serverJobId.orElse(id);
        if (jobId.contains("/")) {
            jobId = jobId.substring(jobId.lastIndexOf('/') + 1).replaceFirst("\\.xml$", "");
        }
        return base + "-" + jobId;
    }

    /** How people name the job in logs: declaration, input file and server job id (our id is in the MDC). */
    public String describe() {
        return "GP job '" + jobName() + "' " + inputName + serverJobId.map(j -> " (" + j + ")").orElse("");
    }
}
