package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.EmulatorHandler;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;

/**
 * ArcGIS resources answer in the format {@code f} asks for, and {@code f} defaults to html: a client that forgets
 * {@code f=json} gets a page, as from a real server. {@code pjson} is indented JSON served as text.
 */
public final class ArcGisFormat {

    private ArcGisFormat() {
    }

    /** Wraps a handler whose JSON replies must follow {@code f}. */
    public static EmulatorHandler honoured(EmulatorHandler handler) {
        return request -> render(request, handler.handle(request));
    }

    static EmulatorResponse render(EmulatorRequest request, EmulatorResponse response) {
        String contentType = response.contentType();
        String format = request.format();
        if (format.equals("json") || contentType == null || !contentType.startsWith("application/json")) {
            return response;
        }
        String pretty = pretty(Json.parseOrNull(response.bodyAsString()));
        return format.equals("pjson")
                ? EmulatorResponse.text(response.status(), "text/plain;charset=UTF-8", pretty)
                : EmulatorResponse.text(response.status(), "text/html;charset=UTF-8", "<html><body><pre>"
                        + pretty.replace("&", "&amp;").replace("<", "&lt;") + "</pre></body></html>");
    }

    private static String pretty(JsonNode body) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
