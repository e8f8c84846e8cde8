package org.giscamel.reply;

import java.util.List;

/**
 * A failure that repeating will not fix: bad request, bad credentials, no permission, not found, an unknown host
 * or an untrusted certificate.
 */
public final class PermanentServerException extends GisServerException {

    public PermanentServerException(String step, int httpStatus, Integer serverCode, List<String> serverMessages) {
        super(step, httpStatus, serverCode, serverMessages, null, null);
    }

    /** A failure without a reply, or a reply that is not what the protocol promises. */
    public PermanentServerException(String step, String detail, Throwable cause) {
        super(step, 0, null, List.of(), detail, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }

    /** True for HTTP 401 or an envelope code 401: iPortal's answer to a missing or dead session or token. */
    public boolean isUnauthorized() {
        return httpStatus() == 401 || serverCode().orElse(0) == 401;
    }
}
