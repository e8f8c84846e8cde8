package org.giscamel.emulator.arcgis.gp;

import org.giscamel.emulator.http.EmulatorResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An output file of a job, generated on demand each time it is read: the same job always yields the same
 * bytes, so a client's download can be checked against {@link #sha256()} without the file ever being stored.
 */
public record GpFile(String name, String contentType, long length, EmulatorResponse.BodyWriter writer) {

    /** The hex SHA-256 of the content, computed by streaming it (works for multi-GB rasters). */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                writer.writeTo(out);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole content in memory; for small files and tests only. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public EmulatorResponse response() {
        return EmulatorResponse.stream(contentType, length, writer);
    }
}
