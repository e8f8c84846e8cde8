package org.giscamel.reply;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
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
    void unresolvedHostAsTheJdkClientReportsItIsPermanent() {
        ConnectException jdk = new ConnectException();
        jdk.initCause(new UnresolvedAddressException());
        GisServerException e = classify(jdk);
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals("start machine failed: unknown host gis.example.com:6443", e.getMessage());
    }

    @Test
    void unknownHostIsPermanent() {
        assertInstanceOf(PermanentServerException.class, classify(new UnknownHostException("gis.example.com")));
    }

    @Test
    void timeoutsAreTransient() {
        assertEquals(TransientServerException.Reason.TIMEOUT, reason(new HttpTimeoutException("request timed out")));
        assertEquals(TransientServerException.Reason.TIMEOUT, reason(new HttpConnectTimeoutException("connect timed out")));
    }

    @Test
    void refusedConnectionIsTransientAndSaysSo() {
        assertEquals(TransientServerException.Reason.CONNECTION_REFUSED, reason(new ConnectException("Connection refused")));
    }

    @Test
    void resetAndEmptyRepliesAreTransient() {
        assertEquals(TransientServerException.Reason.CONNECTION_RESET, reason(new SocketException("Connection reset")));
        assertEquals(TransientServerException.Reason.CONNECTION_RESET,
                reason(new IOException("HTTP/1.1 header parser received no bytes")));
    }

    @Test
    void untrustedOrMismatchedCertificateIsPermanent() {
        SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative names matching IP address");
        handshake.initCause(new CertificateException("No subject alternative names matching IP address"));
        assertInstanceOf(PermanentServerException.class, classify(handshake));
        assertInstanceOf(PermanentServerException.class, classify(new SSLHandshakeException("handshake_failure")));
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
