package org.giscamel.emulator.arcgis.gp;

import org.giscamel.emulator.http.BadRequestException;

import java.util.Locale;

/** How a job ends once it has executed; scripted per job through {@link GpJobs#scriptNext}. */
public enum GpOutcome {
    SUCCEEDED(EsriJobStatus.SUCCEEDED),
    FAILED(EsriJobStatus.FAILED),
    TIMED_OUT(EsriJobStatus.TIMED_OUT),
    /** Cancelled on the server side (e.g. by an administrator): Cancelling, then Cancelled. */
    CANCELLED(EsriJobStatus.CANCELLED);

    private final EsriJobStatus status;

    GpOutcome(EsriJobStatus status) {
        this.status = status;
    }

    public EsriJobStatus status() {
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
