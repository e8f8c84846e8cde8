package org.giscamel.token;

import java.net.URI;

/** Hears about token traffic; a place to hang metrics. */
public interface TokenListener {

    /** A token or session was obtained from the server (first time, ahead of expiry, or after a rejection). */
    void issued(TokenKind kind, URI root);

    /** A server refused a token or session that the service handed out. */
    default void rejected(TokenKind kind, URI root) {
    }
}
