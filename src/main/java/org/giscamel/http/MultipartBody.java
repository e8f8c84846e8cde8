package org.giscamel.http;

import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body whose file part is read from disk while sending, never held in memory. It can
 * be sent again (a proxy's authentication challenge asks for that), and its length is known up front.
 */
final class MultipartBody extends AbstractHttpEntity {

    private static final String BOUNDARY_PREFIX = "gis-camel-";

    private final byte[] head;
    private final Path file;
    private final byte[] tail;
    private final long length;

    /** @throws IOException when the file cannot be read, e.g. is missing */
    static MultipartBody of(Map<String, String> fields, GisRequest.FilePart file) throws IOException {
        return new MultipartBody(BOUNDARY_PREFIX + UUID.randomUUID(), fields, file);
    }

    private MultipartBody(String boundary, Map<String, String> fields, GisRequest.FilePart part) throws IOException {
        super("multipart/form-data; boundary=" + boundary, null);
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append("\"\r\n\r\n")
                .append(value == null ? "" : value).append("\r\n"));
        text.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quoted(part.field()))
                .append("\"; filename=\"").append(quoted(part.file().getFileName().toString())).append("\"\r\n")
                .append("Content-Type: ").append(part.contentType()).append("\r\n\r\n");
        this.head = text.toString().getBytes(StandardCharsets.UTF_8);
        this.file = part.file();
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        this.length = head.length + Files.size(file) + tail.length;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public InputStream getContent() throws IOException {
        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                Files.newInputStream(file), new ByteArrayInputStream(tail))));
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        Files.copy(file, out);
        out.write(tail);
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // every send opens and closes the file itself
    }

    /** Quotes and line breaks would end the header value early. */
    private static String quoted(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
