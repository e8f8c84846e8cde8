package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.ErrorResponder;
import org.giscamel.emulator.http.Json;

/**
 * iPortal's failure envelope, a MethodResult with an HttpError: {@code {"succeed":false,"error":{"code":N,
 * "errorMsg":".."}}}, sent with the HTTP status that the code names (400, 401, 404, 405, 500, 503).
 */
public final class IPortalErrors implements ErrorResponder {

    @Override
    public EmulatorResponse error(EmulatorRequest request, int httpStatus, int code, String message) {
        return failure(httpStatus == 0 ? code : httpStatus, code, message);
    }

    public static EmulatorResponse failure(int status, String message) {
        return failure(status, status, message);
    }

    private static EmulatorResponse failure(int status, int code, String message) {
        return EmulatorResponse.json(status, body(code, message));
    }

    public static ObjectNode body(int code, String message) {
        ObjectNode body = Json.object().put("succeed", false);
        body.putObject("error").put("code", code).put("errorMsg", message);
        return body;
    }

    public static ObjectNode success() {
        return Json.object().put("succeed", true);
    }
}
