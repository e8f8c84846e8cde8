package org.giscamel.gp;

import java.util.Locale;

/**
 * A GP job's {@code jobStatus} with the integer code arcpy's {@code Result.status} and ArcObjects'
 * {@code esriJobStatus} give it (arcgis-rest.md §5.7). The flow follows the arcpy rule "poll while the code is
 * below 4"; note that 7 (Cancelling) and 9 (Deleting) are 4 or more yet not settled.
 */
public enum GpJobStatus {
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

    GpJobStatus(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }

    /** The arcpy rule {@code while result.status < 4}: at 4 or more the job has left the queue for good. */
    public boolean stopsPolling() {
        return code >= SUCCEEDED.code;
    }

    /** True when the status can no longer change; Cancelling and Deleting still become Cancelled and Deleted. */
    public boolean isSettled() {
        return stopsPolling() && this != CANCELLING && this != DELETING;
    }

    /** Only a succeeded job has outputs to download. */
    public boolean isSuccess() {
        return this == SUCCEEDED;
    }

    /**
     * The server accepts {@code cancel} only from Waiting and Executing; from Submitted it answers with an error
     * and the job runs on (DOC:cancel-gp-job), so a deadline must not count on cancelling such a job.
     */
    public boolean canCancel() {
        return this == WAITING || this == EXECUTING;
    }

    /**
     * The status for a {@code jobStatus} string. Like REST-JS, the Notebook Server's {@code expectedFailure} is a
     * failure; so is any unknown or missing value, because polling a status we cannot read would never end.
     */
    public static GpJobStatus from(String wireName) {
        if (wireName != null) {
            String wanted = wireName.trim().toLowerCase(Locale.ROOT);
            for (GpJobStatus status : values()) {
                if (status.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return status;
                }
            }
        }
        return FAILED;
    }

    public static GpJobStatus fromCode(int code) {
        for (GpJobStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("No GP job status has code " + code + " (expected 0 to 10)");
    }
}
