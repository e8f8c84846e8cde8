package org.giscamel.emulator.arcgis.gp;

import org.giscamel.gp.GpJobStatus;

import org.giscamel.emulator.http.BadRequestException;

import java.util.Locale;

/** How a job ends once it has executed; scripted per job through {@link GpJobs#scriptNext}. */
public enum GpOutcome {
    SUCCEEDED(GpJobStatus.SUCCEEDED),
    FAILED(GpJobStatus.FAILED),
    TIMED_OUT(GpJobStatus.TIMED_OUT),
    /** Cancelled on the server side (e.g. by an administrator): Cancelling, then Cancelled. */
    CANCELLED(GpJobStatus.CANCELLED);

    private final GpJobStatus status;

    GpOutcome(GpJobStatus status) {
        this.status = status;
    }

    public GpJobStatus status() {
        return status;
    }

    /** Accepts {@code Failed}, {@code FAILED}, {@code timed_out}, {@code TimedOut} or {@code esriJobTimedOut}. */
    public static GpOutcome parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replaceFirst("^esrijob", "");
        for (GpOutcome outcome : values()) {
            if (outcome.name().toLowerCase(Locale.ROOT).replace("_", "").equals(key)) {
                return outcome;
            }
        }
        throw new BadRequestException("Unknown outcome '" + text + "'; use Succeeded, Failed, TimedOut or Cancelled");
    }
}
