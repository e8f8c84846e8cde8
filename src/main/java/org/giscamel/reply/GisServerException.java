package org.giscamel.reply;

import java.util.List;
import java.util.OptionalInt;

/**
 * A GIS server call that failed: the server said so (in any of its envelopes or by HTTP status) or it could not
 * be reached. The message names the step and the server's own words, never a token or a password.
 */
public abstract class GisServerException extends RuntimeException {

    private final String step;
    private final int httpStatus;
    private final Integer serverCode;
    private final List<String> serverMessages;

    protected GisServerException(String step, int httpStatus, Integer serverCode, List<String> serverMessages,
                                 String detail, Throwable cause) {
        super(describe(step, httpStatus, serverCode, serverMessages, detail), cause);
        this.step = step;
        this.httpStatus = httpStatus;
        this.serverCode = serverCode;
        this.serverMessages = List.copyOf(serverMessages);
    }

    private static String describe(String step, int httpStatus, Integer serverCode, List<String> messages,
                                   String detail) {
        StringBuilder text = new StringBuilder(step).append(" failed");
        if (detail != null) {
            text.append(": ").append(detail);
        }
        if (!messages.isEmpty()) {
            text.append(": ").append(String.join("; ", messages));
        }
        if (httpStatus > 0 || serverCode != null) {
            text.append(" (");
            if (httpStatus > 0) {
                text.append("HTTP ").append(httpStatus);
            }
            if (serverCode != null) {
                text.append(httpStatus > 0 ? ", " : "").append("code ").append(serverCode);
            }
            text.append(')');
        }
        return text.toString();
    }

    /** What the caller was doing, e.g. "join site". */
    public String step() {
        return step;
    }

    /** The HTTP status of the reply, or 0 when no reply arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The code inside the server's error envelope, when it sent one. */
    public OptionalInt serverCode() {
        return serverCode == null ? OptionalInt.empty() : OptionalInt.of(serverCode);
    }

    public List<String> serverMessages() {
        return serverMessages;
    }

    /** True when the same call may succeed if repeated later (callers still cap their retries). */
    public abstract boolean isTransient();
}
