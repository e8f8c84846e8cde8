package org.giscamel.sitejoin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON object of a site flow's request (a request file, a Kamelet's body), checked before anything is sent to a
 * server. No message echoes a value, since a request written by hand may hold a secret where it does not belong.
 */
final class RequestJson {

    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode json;

    private RequestJson(JsonNode json) {
        this.json = json;
    }

    /**
     * @param fields  the fields a request may have, in the order the messages list them
     * @param example a request as the messages show it
     */
    static RequestJson parse(String text, List<String> fields, String example) {
        if (text == null || text.isBlank()) {
            throw new InvalidSiteJoinRequestException("the request is empty; expected JSON such as " + example);
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // The original message without Jackson's excerpt of the source, which could quote a secret.
            JsonLocation at = e.getLocation();
            throw new InvalidSiteJoinRequestException("the request is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!json.isObject()) {
            throw new InvalidSiteJoinRequestException("the request must be a JSON object such as " + example);
        }
        Set<String> allowed = Set.copyOf(fields);
        List<String> unknown = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidSiteJoinRequestException("the request has unknown fields " + unknown + "; allowed are "
                    + String.join(", ", fields) + " (credentials come from the configuration)");
        }
        return new RequestJson(json);
    }

    /** A text field, absent when missing or null. */
    Optional<String> text(String field, String what) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidSiteJoinRequestException("\"" + field + "\" must be a text (" + what + ")");
        }
        return Optional.of(value.asText());
    }

    /** A boolean field, absent when missing or null. */
    Optional<Boolean> bool(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new InvalidSiteJoinRequestException("\"" + field + "\" must be true or false");
        }
        return Optional.of(value.asBoolean());
    }
}
