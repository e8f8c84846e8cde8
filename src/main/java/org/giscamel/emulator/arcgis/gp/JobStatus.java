package org.giscamel.emulator.arcgis.gp;

/** The {@code jobStatus} values the emulator produces, with their wire names. */
public enum JobStatus {
    SUBMITTED("esriJobSubmitted"),
    WAITING("esriJobWaiting"),
    EXECUTING("esriJobExecuting"),
    SUCCEEDED("esriJobSucceeded"),
    FAILED("esriJobFailed"),
    TIMED_OUT("esriJobTimedOut"),
    CANCELLING("esriJobCancelling"),
    CANCELLED("esriJobCancelled");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Final states; note that Cancelling is not one (it becomes Cancelled). */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == CANCELLED;
    }
}
