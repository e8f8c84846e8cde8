package org.giscamel.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.reply.ReplyChecker;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/** A raw reply: status, headers and body bytes, not yet judged. */
public record HttpReply(int status, HttpHeaders headers, byte[] body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Every value of a header, e.g. each {@code Set-Cookie}. */
    public List<String> headerValues(String name) {
        return headers.allValues(name);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse(null);
    }

    /** The body as judged by {@link ReplyChecker}: parsed JSON on success, a typed exception otherwise. */
    public JsonNode checked(String step) {
        return ReplyChecker.check(step, status, contentType(), body);
    }
}
