package org.giscamel.reply;

import javax.net.ssl.SSLHandshakeException;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.FileSystemException;
import java.security.cert.CertificateException;

/**
 * Turns a failure to talk to a server into the typed exception for it. The message names the host and port
 * only: the full URL could carry a token in its query.
 */
public final class IoFailures {

    private IoFailures() {
    }

    public static GisServerException classify(String step, URI target, IOException failure) {
        String where = hostAndPort(target);
        // The JDK client reports an unknown host as a ConnectException caused by UnresolvedAddressException.
        if (hasCause(failure, UnknownHostException.class) || hasCause(failure, UnresolvedAddressException.class)) {
            return new PermanentServerException(step, "unknown host " + where, failure);
        }
        if (isTrustProblem(failure)) {
            return new PermanentServerException(step, "TLS failure with " + where + " (" + failure.getClass().getSimpleName()
                    + "; check the trust store settings)", failure);
        }
        if (hasCause(failure, HttpTimeoutException.class)) {
            return new TransientServerException(step, TransientServerException.Reason.TIMEOUT,
                    "no answer from " + where + " in time", failure);
        }
        if (hasCause(failure, ConnectException.class)) {
            return new TransientServerException(step, TransientServerException.Reason.CONNECTION_REFUSED,
                    "cannot connect to " + where, failure);
        }
        if (hasCause(failure, FileSystemException.class) || hasCause(failure, FileNotFoundException.class)) {
            return new PermanentServerException(step, "local file problem: " + failure.getMessage(), failure);
        }
        // Resets, EOF and "header parser received no bytes": the connection broke, a later attempt may work.
        return new TransientServerException(step, TransientServerException.Reason.CONNECTION_RESET,
                "connection to " + where + " broke (" + failure.getClass().getSimpleName() + ")", failure);
    }

    /**
     * An untrusted or mismatched certificate, or a handshake the two sides cannot agree on: configuration, not
     * luck. A connection dropped during the handshake (a restarting server) is not one.
     */
    private static boolean isTrustProblem(IOException failure) {
        if (hasCause(failure, CertificateException.class)) {
            return true;
        }
        return hasCause(failure, SSLHandshakeException.class)
                && !hasCause(failure, SocketException.class) && !hasCause(failure, EOFException.class);
    }

    static String hostAndPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
