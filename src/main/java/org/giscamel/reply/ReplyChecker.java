package org.giscamel.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides whether an ArcGIS Server or iPortal reply is a success. Both servers report most
 * failures with HTTP 200, so the status code alone proves nothing: a reply fails when it is not 2xx, carries a
 * top-level {@code error} object (ArcGIS {@code {code,message,details}}, iPortal {@code {code,errorMsg}}), has
 * {@code status} error/failed/failure (admin envelope, task status) or says {@code succeed:false} (iPortal).
 */
public final class ReplyChecker {

    /** Trailing tokens must fail, or an iPortal token such as {@code 9AUy..} would read as the number 9. */
    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FAILED_STATUSES = Set.of("error", "failed", "failure");
    private static final Set<Integer> TOKEN_CODES = Set.of(498, 499);
    /** Envelope codes that mean "not now" whatever HTTP status carried them. */
    private static final Set<Integer> UNAVAILABLE_CODES = Set.of(502, 503, 504);

    private ReplyChecker() {
    }

    /**
     * Returns the parsed reply, or for a bare scalar reply (an iPortal token, {@code true}, {@code SUCCESSFUL}) a
     * text or boolean node; an empty 2xx body gives a null node.
     *
     * @throws TokenRejectedException    on code 498/499 in either envelope
     * @throws TransientServerException  on 5xx and envelope codes 502/503/504, or HTTP 408/429
     * @throws PermanentServerException  on everything else that failed, and on an HTML page where JSON was due
     */
    public static JsonNode check(String step, int httpStatus, String contentType, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
        JsonNode json = parse(text);
        Optional<ServerError> error = json == null ? Optional.empty() : ServerError.in(json);
        boolean success = httpStatus >= 200 && httpStatus < 300;
        if (success && error.isEmpty()) {
            if (json != null) {
                return json;
            }
            if (text.isEmpty()) {
                return NullNode.instance;
            }
            if (isHtml(contentType, text)) {
                // f defaults to html, and a web adaptor may answer with its login page.
                throw new PermanentServerException(step, httpStatus, null, List.of("expected JSON but got an HTML page"));
            }
            return TextNode.valueOf(text);
        }
        ServerError found = error.orElse(new ServerError(null, List.of()));
        throw classify(step, httpStatus, found.code(), found.messages());
    }

    /** The exception for a failed reply with this HTTP status and envelope code (null when none). */
    public static GisServerException classify(String step, int httpStatus, Integer serverCode, List<String> messages) {
        if (TOKEN_CODES.contains(httpStatus) || (serverCode != null && TOKEN_CODES.contains(serverCode))) {
            return new TokenRejectedException(step, httpStatus, serverCode, messages);
        }
        // An envelope code 500 inside HTTP 200 is ArcGIS reporting a failed operation (e.g. "no valid license"),
        // which repeating does not fix; only the HTTP status or an explicit unavailable code means "try later".
        if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429
                || (serverCode != null && UNAVAILABLE_CODES.contains(serverCode))) {
            return new TransientServerException(step, httpStatus, serverCode, messages);
        }
        return new PermanentServerException(step, httpStatus, serverCode, messages);
    }

    private static JsonNode parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static boolean isHtml(String contentType, String text) {
        return (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) || text.startsWith("<");
    }

    /** The code and messages of an error envelope. */
    private record ServerError(Integer code, List<String> messages) {

        static Optional<ServerError> in(JsonNode json) {
            if (!json.isObject()) {
                return Optional.empty();
            }
            JsonNode error = json.get("error");
            if (error != null && error.isObject()) {
                List<String> messages = new ArrayList<>();
                add(messages, error.get("message"));
                add(messages, error.get("errorMsg"));
                add(messages, error.get("details"));
                return Optional.of(new ServerError(code(error.get("code")), messages));
            }
            JsonNode status = json.get("status");
            if (status != null && status.isTextual()
                    && FAILED_STATUSES.contains(status.asText().toLowerCase(Locale.ROOT))) {
                return Optional.of(statusFailure(json));
            }
            JsonNode succeed = json.get("succeed");
            if (succeed != null && !succeed.isNull() && "false".equalsIgnoreCase(succeed.asText())) {
                List<String> messages = new ArrayList<>();
                add(messages, json.get("reason"));
                if (messages.isEmpty()) {
                    messages.add("succeed: false");
                }
                return Optional.of(new ServerError(code(json.get("code")), messages));
            }
            return Optional.empty();
        }

        /** Admin envelope {@code {status, messages[], code}} or task status {@code {status, statusMessage}}. */
        private static ServerError statusFailure(JsonNode json) {
            Integer code = code(json.get("code"));
            List<String> messages = new ArrayList<>();
            add(messages, json.get("messages"));
            add(messages, json.get("message"));
            JsonNode statusMessage = json.get("statusMessage");
            if (statusMessage != null && statusMessage.isTextual()) {
                JsonNode embedded = parse(statusMessage.asText().trim());
                if (embedded != null && embedded.isObject()) {
                    code = code != null ? code : code(embedded.get("code"));
                    add(messages, embedded.get("message"));
                } else {
                    add(messages, statusMessage);
                }
            }
            if (messages.isEmpty()) {
                messages.add("status: " + json.get("status").asText());
            }
            return new ServerError(code, messages);
        }

        /** Adds a message or an array of messages (ArcGIS sends {@code details} either way), skipping repeats. */
        private static void add(List<String> messages, JsonNode node) {
            if (node == null || node.isNull()) {
                return;
            }
            if (node.isArray()) {
                node.forEach(item -> add(messages, item));
                return;
            }
            String text = (node.isValueNode() ? node.asText() : node.toString()).trim();
            if (!text.isEmpty() && !messages.contains(text)) {
                messages.add(text);
            }
        }

        private static Integer code(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.canConvertToInt()) {
                return node.asInt();
            }
            try {
                return Integer.valueOf(node.asText().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }
}
