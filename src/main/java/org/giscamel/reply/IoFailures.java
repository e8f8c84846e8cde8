package org.giscamel.reply;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
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
        if (hasCause(failure, UnknownHostException.class)) {
            return new PermanentServerException(step, "unknown host " + where, failure);
        }
        if (isTrustProblem(failure)) {
            return new PermanentServerException(step, "TLS failure with " + where + " (" + failure.getClass().getSimpleName()
                    + "; check the trust store settings)", failure);
        }
        // Connect and read timeouts (SocketTimeoutException), and the wait for a pooled connection.
        if (hasCause(failure, InterruptedIOException.class)) {
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
        // Resets, EOF, a server that closed without answering: the connection broke, a later attempt may work.
        return new TransientServerException(step, TransientServerException.Reason.CONNECTION_RESET,
                "connection to " + where + " broke (" + failure.getClass().getSimpleName() + ")", failure);
    }

    /**
     * An untrusted certificate, one issued for another name, or a handshake the two sides cannot agree on:
     * configuration, not luck. A connection dropped during the handshake (a restarting server) is not one.
     */
    private static boolean isTrustProblem(IOException failure) {
        if (hasCause(failure, CertificateException.class) || hasCause(failure, SSLPeerUnverifiedException.class)) {
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
