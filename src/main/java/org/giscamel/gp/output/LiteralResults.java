package org.giscamel.gp.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Collects a job's literal outputs (GPString, GPLong, GPDouble, GPBoolean, GPLinearUnit, GPDate...) into the
 * one {@code results.json} object {@code {"<paramName>": {"dataType": .., "value": ..}}}. Values are kept as the
 * server sent them (a GPDate stays epoch milliseconds, a GPLinearUnit its {distance, units} object).
 */
public final class LiteralResults {

    private final ObjectNode results = JsonNodeFactory.instance.objectNode();

    /**
     * @param resultReply a {@code results/<param>} reply, {@code {"paramName","dataType","value"}}
     * @throws IllegalArgumentException when the reply lacks paramName or dataType
     */
    public void add(JsonNode resultReply) {
        if (!resultReply.path("paramName").isTextual() || !resultReply.path("dataType").isTextual()) {
            throw new IllegalArgumentException("a GP result needs 'paramName' and 'dataType'");
        }
        add(resultReply.get("paramName").asText(), resultReply.get("dataType").asText(), resultReply.get("value"));
    }

    public void add(String paramName, String dataType, JsonNode value) {
        ObjectNode entry = results.putObject(paramName).put("dataType", dataType);
        entry.set("value", value == null ? JsonNodeFactory.instance.nullNode() : value.deepCopy());
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    /** A copy, so that adding later does not change what was already written. */
    public ObjectNode toJson() {
        return results.deepCopy();
    }
}
