package org.giscamel.gp.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Parses a dropped JSON file (a GP feature set, or a WPS complex input), reporting syntax errors with the line and
 * column a user can look up.
 */
public final class JsonDocuments {

    /** Trailing content must fail: a file with two documents glued together is not one feature set. */
    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

    private JsonDocuments() {
    }

    public static JsonNode parse(String fileName, byte[] content) throws IOException {
        if (isBlank(content)) {
            throw new GpInputException(GpInputException.Reason.EMPTY_FILE, fileName + ": the file is empty");
        }
        try {
            return READER.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new GpInputException(GpInputException.Reason.MALFORMED_JSON,
                    fileName + ": malformed JSON" + where + ": " + readable(e.getOriginalMessage()));
        }
    }

    /** Whitespace and a UTF-8 byte-order mark, which editors on Windows put first, count as nothing. */
    private static boolean isBlank(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < content.length; i++) {
            if (!Character.isWhitespace(content[i])) {
                return false;
            }
        }
        return true;
    }

    /** Jackson's message, without its internal source description, which means nothing to a user. */
    private static String readable(String message) {
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return SOURCE_LOCATION.matcher(first).replaceAll("line $1, column $2");
    }
}
