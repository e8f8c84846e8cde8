package org.giscamel.gp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The flow's JSON plumbing: parsing stored text, writing the files a person reads ({@code job.json}, error files). */
final class GpJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GpJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Stored JSON text back into a tree; null stays null. */
    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The job store holds malformed JSON", e);
        }
    }

    static byte[] pretty(JsonNode node) {
        try {
            return (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ISO-8601 UTC, as people and tools read time stamps in {@code job.json}. */
    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
