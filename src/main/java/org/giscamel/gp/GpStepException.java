package org.giscamel.gp;

/**
 * A failure the flow itself decided on (a duplicate drop, a job that failed on the server, an unknown submit
 * outcome), carrying the {@link GpFailure} to report. Never retried.
 */
public final class GpStepException extends RuntimeException {

    private final GpFailure failure;

    public GpStepException(GpFailure failure) {
        super(failure.step() + " failed: " + failure.reason());
        this.failure = failure;
    }

    public GpFailure failure() {
        return failure;
    }
}
