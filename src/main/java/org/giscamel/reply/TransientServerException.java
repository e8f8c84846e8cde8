package org.giscamel.reply;

import java.util.List;

/** A failure that may go away: 5xx (a restarting server answers 503), timeouts, resets, refused connections. */
public final class TransientServerException extends GisServerException {

    /** Why the call failed, so a retry policy can treat a refused connection differently from a busy server. */
    public enum Reason { SERVER_ERROR, TIMEOUT, CONNECTION_RESET, CONNECTION_REFUSED }

    private final Reason reason;

    public TransientServerException(String step, int httpStatus, Integer serverCode, List<String> serverMessages) {
        super(step, httpStatus, serverCode, serverMessages, null, null);
        this.reason = Reason.SERVER_ERROR;
    }

    /** A failure without a reply; {@code detail} names the host:port and what happened. */
    public TransientServerException(String step, Reason reason, String detail, Throwable cause) {
        super(step, 0, null, List.of(), detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
