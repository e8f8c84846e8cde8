package org.giscamel.emulator.arcgis.gp;

/**
 * A job's {@code jobStatus} as the emulated server writes it, with the integer code of ArcObjects'
 * {@code esriJobStatus} and arcpy's {@code Result.status} (arcgis-rest.md §5.6 lists the names, §5.7 the codes). The
 * emulator keeps its own copy of these wire constants, apart from the client's, so that a misspelt name on one side
 * shows up as a disagreement instead of being shared by both.
 */
public enum EsriJobStatus {
    NEW(0, "esriJobNew"),
    SUBMITTED(1, "esriJobSubmitted"),
    WAITING(2, "esriJobWaiting"),
    EXECUTING(3, "esriJobExecuting"),
    SUCCEEDED(4, "esriJobSucceeded"),
    FAILED(5, "esriJobFailed"),
    TIMED_OUT(6, "esriJobTimedOut"),
    CANCELLING(7, "esriJobCancelling"),
    CANCELLED(8, "esriJobCancelled"),
    DELETING(9, "esriJobDeleting"),
    DELETED(10, "esriJobDeleted");

    private final int code;
    private final String wireName;

    EsriJobStatus(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Whether the job has ended for good: 4 and above (§5.7), except Cancelling and Deleting, which still become
     * Cancelled and Deleted.
     */
    public boolean isSettled() {
        return code >= SUCCEEDED.code && this != CANCELLING && this != DELETING;
    }
}
