package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.gp.input.GpInputException;
import org.giscamel.gp.output.UnsafeOutputNameException;
import org.giscamel.inbox.RefusedDropException;
import org.giscamel.reply.GisServerException;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a job or a dropped file failed, as {@code <name>.error.json} and {@code job.json} show it: the step, a
 * sentence, a stable reason code, and the server's own code and messages. Never holds a token or a password:
 * the texts come from the typed exceptions, which are written without them.
 *
 * @param reasonCode e.g. {@code malformed-json}, {@code duplicate}, {@code job-failed}, {@code deadline-passed},
 *                   {@code unsafe-name}, {@code symbolic-link}
 */
public record GpFailure(String step, String reason, String reasonCode, int httpStatus, Integer serverCode,
                        List<String> serverMessages) {

    public GpFailure {
        serverMessages = List.copyOf(serverMessages);
    }

    public static GpFailure of(String step, String reason, String reasonCode, List<String> serverMessages) {
        return new GpFailure(step, reason, reasonCode, 0, null, serverMessages);
    }

    /** The failure an exception describes; {@code step} names what was being done when the exception has no step. */
    public static GpFailure from(Throwable e, String step) {
        if (e instanceof GisServerException server) {
            return new GpFailure(server.step(), server.getMessage(),
                    server.isTransient() ? "server-unavailable" : "server-rejected", server.httpStatus(),
                    server.serverCode().isPresent() ? server.serverCode().getAsInt() : null, server.serverMessages());
        }
        if (e instanceof GpInputException input) {
            return of("read input", input.getMessage(), input.reasonCode(), List.of());
        }
        if (e instanceof GpStepException flow) {
            return flow.failure();
        }
        if (e instanceof RefusedDropException refused) {
            return of(step, refused.getMessage(), refused.drop().reasonCode(), List.of());
        }
        if (e instanceof UnsafeOutputNameException) {
            return of(step, e.getMessage(), "unsafe-output-name", List.of());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return of(step, message, "unexpected-error", List.of());
    }

    public ObjectNode toJson() {
        ObjectNode node = GpJson.object().put("step", step).put("reason", reason).put("reasonCode", reasonCode);
        if (httpStatus > 0) {
            node.put("httpStatus", httpStatus);
        }
        if (serverCode != null) {
            node.put("serverCode", serverCode);
        }
        ArrayNode messages = node.putArray("serverMessages");
        serverMessages.forEach(messages::add);
        return node;
    }

    public static GpFailure fromJson(JsonNode node) {
        List<String> messages = new ArrayList<>();
        node.path("serverMessages").forEach(m -> messages.add(m.asText()));
        return new GpFailure(node.path("step").asText(), node.path("reason").asText(),
                node.path("reasonCode").asText(), node.path("httpStatus").asInt(0),
                node.hasNonNull("serverCode") ? node.get("serverCode").asInt() : null, messages);
    }
}
