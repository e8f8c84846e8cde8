package org.giscamel.reply;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertificateException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IoFailuresTest {

    private static final URI TARGET = URI.create("https://gis.example.com:6443/arcgis/admin/machines?token=s3cr3t&f=json");

    private static GisServerException classify(IOException e) {
        return IoFailures.classify("start machine", TARGET, e);
    }

    private static TransientServerException.Reason reason(IOException e) {
        return assertInstanceOf(TransientServerException.class, classify(e)).reason();
    }

    @Test
    void unknownHostIsPermanent() {
        GisServerException e = classify(new UnknownHostException("gis.example.com"));
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals("start machine failed: unknown host gis.example.com:6443", e.getMessage());
    }

    @Test
    void timeoutsAreTransient() {
        assertEquals(TransientServerException.Reason.TIMEOUT, reason(new SocketTimeoutException("Read timed out")));
        assertEquals(TransientServerException.Reason.TIMEOUT, reason(new ConnectTimeoutException("Connect timed out")));
        assertEquals(TransientServerException.Reason.TIMEOUT,
                reason(new ConnectionRequestTimeoutException("Timeout deadline: 180000 MILLISECONDS")));
    }

    @Test
    void refusedConnectionIsTransientAndSaysSo() {
        assertEquals(TransientServerException.Reason.CONNECTION_REFUSED, reason(new ConnectException("Connection refused")));
        assertEquals(TransientServerException.Reason.CONNECTION_REFUSED,
                reason(new HttpHostConnectException("Connect to http://gis.example.com:6443 failed: Connection refused")));
    }

    @Test
    void resetAndEmptyRepliesAreTransient() {
        assertEquals(TransientServerException.Reason.CONNECTION_RESET, reason(new SocketException("Connection reset")));
        assertEquals(TransientServerException.Reason.CONNECTION_RESET,
                reason(new NoHttpResponseException("gis.example.com:6443 failed to respond")));
    }

    @Test
    void untrustedOrMismatchedCertificateIsPermanent() {
        SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative names matching IP address");
        handshake.initCause(new CertificateException("No subject alternative names matching IP address"));
        assertInstanceOf(PermanentServerException.class, classify(handshake));
        assertInstanceOf(PermanentServerException.class, classify(new SSLHandshakeException("handshake_failure")));
        assertInstanceOf(PermanentServerException.class, classify(new SSLPeerUnverifiedException(
                "Certificate for <127.0.0.1> doesn't match any of the subject alternative names: [localhost]")));
    }

    @Test
    void connectionDroppedDuringTlsIsTransient() {
        assertEquals(TransientServerException.Reason.CONNECTION_RESET,
                reason(new SSLException("Connection reset", new SocketException("Connection reset"))));
        SSLHandshakeException dropped = new SSLHandshakeException("Remote host terminated the handshake");
        dropped.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertEquals(TransientServerException.Reason.CONNECTION_RESET, reason(dropped));
    }

    @Test
    void missingLocalFileIsPermanent() {
        assertInstanceOf(PermanentServerException.class, classify(new NoSuchFileException("/data/in.zip")));
    }

    @Test
    void messageNamesHostAndPortButNotTheQuery() {
        GisServerException e = classify(new SocketException("Connection reset"));
        assertTrue(e.getMessage().contains("gis.example.com:6443"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertEquals(0, e.httpStatus());
    }
}
