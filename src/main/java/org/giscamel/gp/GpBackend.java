package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * The protocol a job runs on: an ArcGIS GP task ({@link ArcGisGpTask}) or an OGC WPS 1.0.0 process
 * ({@link WpsProcess}). Everything else of the flow (job store, poller, deadlines, progress log, downloader,
 * inbox) is the same for both; an adapter only speaks its server's protocol and answers in the flow's terms:
 * {@link GpJobStatus} codes, ArcGIS-style progress and messages, and result nodes the downloader writes.
 */
public interface GpBackend {

    /**
     * The server's answer to a submission.
     *
     * @param serverJobId the job to poll; empty when the server ran it synchronously and {@code results} holds its
     *                    results already
     */
    record Submission(Optional<String> serverJobId, GpJobStatus status, JsonNode results, JsonNode messages) {
    }

    /**
     * One status read.
     *
     * @param progress {@code {"percent": n, "message": text}}, either may be missing
     * @param messages the server's messages as ArcGIS lists them ({@code type}, {@code description})
     * @param results  the results when the job succeeded: an object of {@code paramUrl}s or an array of result nodes
     */
    record JobState(GpJobStatus status, JsonNode progress, JsonNode messages, JsonNode results) {
    }

    /** Submits the job with its input value; a failure that may have reached the server is not retried. */
    Submission submit(GpJobRecord job, String inputValue);

    /** Reads the job's status; {@code finalRead} also asks for the messages and results. */
    JobState read(GpJobRecord job, boolean finalRead);

    /** Asks the server to cancel the job; empty when the protocol has no cancel. */
    Optional<GpJobStatus> cancel(GpJobRecord job);

    /** The result nodes ({@code paramName}, {@code dataType}, {@code value}) of a succeeded job, for the downloader. */
    List<JsonNode> results(GpJobRecord job);
}
