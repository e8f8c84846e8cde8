package org.giscamel.reply;

import java.util.List;

/** ArcGIS code 498 (invalid or expired token) or 499 (token required), in either envelope. */
public final class TokenRejectedException extends GisServerException {

    public TokenRejectedException(String step, int httpStatus, Integer serverCode, List<String> serverMessages) {
        super(step, httpStatus, serverCode, serverMessages, null, null);
    }

    /** Not transient by itself: only a new token helps, which is the token service's job. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
