package org.giscamel.gp;

/**
 * Where a job is in this flow (as opposed to {@link GpJobStatus}, where it is on the server). A job is recorded
 * as SUBMITTING before the request leaves, so a crash between the server's answer and the record cannot make
 * it forgotten or submitted twice.
 */
public enum GpPhase {
    /** Recorded, request on its way; found so at start-up it means the outcome is unknown. */
    SUBMITTING,
    /** Accepted by the server; polled until its status code is 4 or more. */
    RUNNING,
    /** Succeeded on the server; outputs being written. */
    DOWNLOADING,
    /**
     * Its end is decided (the outcome is stored): job.json and job.log are written and its input is moved next;
     * a restart in between ends it the same way.
     */
    COMPLETING,
    SUCCEEDED,
    FAILED,
    /** The job's deadline passed before it ended; cancelled on the server where its state allowed. */
    TIMED_OUT;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT;
    }
}
