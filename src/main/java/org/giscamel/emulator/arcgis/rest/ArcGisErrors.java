package org.giscamel.emulator.arcgis.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.ErrorResponder;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.TokenAuthority;

import java.util.List;

/**
 * ArcGIS Server's two error envelopes, both sent with HTTP 200 unless a fault forces another status:
 * the Administrator API's {@code {"status":"error","messages":[..],"code":N}} and the services'
 * {@code {"error":{"code":N,"message":..,"details":[..]}}}.
 */
public final class ArcGisErrors implements ErrorResponder {

    @Override
    public EmulatorResponse error(EmulatorRequest request, int httpStatus, int code, String message) {
        int status = httpStatus == 0 ? 200 : httpStatus;
        return isAdminPath(request.path())
                ? EmulatorResponse.json(status, admin(code, message))
                : EmulatorResponse.json(status, services(code, message, List.of()));
    }

    static boolean isAdminPath(String path) {
        return path.matches("/[^/]+/admin(/.*)?");
    }

    public static ObjectNode admin(int code, String... messages) {
        ObjectNode body = Json.object().put("status", "error");
        var list = body.putArray("messages");
        for (String m : messages) {
            list.add(m);
        }
        body.put("code", code);
        return body;
    }

    public static ObjectNode services(int code, String message, List<String> details) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        var list = error.putArray("details");
        details.forEach(list::add);
        return body;
    }

    /** The services envelope for 499, with the messageCode that real servers and Koop send. */
    public static ObjectNode tokenRequired() {
        ObjectNode body = services(499, "Token Required", List.of("Token Required"));
        ((ObjectNode) body.get("error")).put("messageCode", "GWM_0003");
        return body;
    }

    public static ObjectNode invalidToken() {
        return services(498, "Invalid token.", List.of());
    }

    /** The error reply for a request that lacks a valid token, in the envelope its path calls for. */
    public static EmulatorResponse tokenProblem(EmulatorRequest request, TokenAuthority.Check check) {
        boolean missing = check == TokenAuthority.Check.MISSING;
        if (isAdminPath(request.path())) {
            return EmulatorResponse.json(missing
                    ? admin(499, "Unauthorized access. Token not found. You can generate a token using the 'generateToken' operation.")
                    : admin(498, check == TokenAuthority.Check.EXPIRED ? "Token Expired." : "Invalid token."));
        }
        return EmulatorResponse.json(missing ? tokenRequired() : invalidToken());
    }
}
