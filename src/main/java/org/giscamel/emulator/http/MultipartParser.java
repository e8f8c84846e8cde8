package org.giscamel.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small multipart/form-data parser, enough for ArcGIS {@code uploads/upload}. */
final class MultipartParser {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private MultipartParser() {
    }

    static Map<String, MultipartPart> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new BadRequestException("multipart body without boundary");
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, MultipartPart> parts = new LinkedHashMap<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headerStart = start + delimiter.length;
            if (headerStart + 2 <= body.length && body[headerStart] == '-' && body[headerStart + 1] == '-') {
                break;
            }
            headerStart += 2; // CRLF after the delimiter
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            int next = indexOf(body, delimiter, headerEnd);
            if (headerEnd < 0 || next < 0) {
                throw new BadRequestException("truncated multipart body");
            }
            String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            int contentStart = headerEnd + 4;
            int contentEnd = next - 2; // CRLF before the next delimiter
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, Math.max(contentStart, contentEnd));
            Matcher name = NAME.matcher(headers);
            Matcher filename = FILENAME.matcher(headers);
            String partType = headers.lines()
                    .filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).trim())
                    .findFirst().orElse(null);
            if (name.find()) {
                parts.put(name.group(1),
                        new MultipartPart(name.group(1), filename.find() ? filename.group(1) : null, partType, content));
            }
            start = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
