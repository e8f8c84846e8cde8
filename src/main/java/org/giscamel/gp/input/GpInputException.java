package org.giscamel.gp.input;

import java.util.Locale;

/**
 * A dropped file that cannot become a GP input. Thrown before anything is sent to the server; the routes move the
 * file to {@code failed/} with the message and {@link #reasonCode()} in {@code <name>.error.json}.
 */
public final class GpInputException extends RuntimeException {

    public enum Reason {
        UNSUPPORTED_FILE_TYPE,
        EMPTY_FILE,
        FILE_TOO_LARGE,
        MALFORMED_JSON,
        /** For WPS jobs: an XML file to pass inline is not well-formed. */
        MALFORMED_XML,
        INVALID_FEATURES,
        NO_FEATURES,
        WRONG_GEOMETRY_TYPE,
        WRONG_PARAMETER_TYPE,
        /** For the routes: the GP service lacks the Uploads capability a data file needs. */
        UPLOAD_NOT_SUPPORTED
    }

    private final Reason reason;

    public GpInputException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason in the form error files use, e.g. {@code wrong-geometry-type}. */
    public String reasonCode() {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
