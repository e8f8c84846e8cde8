package org.giscamel.reply;

import java.util.List;

/**
 * The server does not take the token or session: ArcGIS code 498 (invalid or expired token) or 499 (token
 * required), in either envelope, or an iPortal that names another caller than the account whose session was sent.
 */
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
