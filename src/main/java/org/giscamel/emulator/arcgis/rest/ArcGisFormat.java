package org.giscamel.emulator.arcgis.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.EmulatorHandler;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;

import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * ArcGIS resources answer in the format {@code f} asks for, and {@code f} defaults to html: a client that forgets
 * {@code f=json} gets a page, as from a real server. {@code pjson} is indented JSON served as text.
 */
public final class ArcGisFormat {

    private static final String TEXT_PLAIN = "text/plain;charset=UTF-8";

    private ArcGisFormat() {
    }

    /** Wraps a handler whose JSON replies must follow {@code f}. */
    public static EmulatorHandler honoured(EmulatorHandler handler) {
        return request -> render(request, handler.handle(request));
    }

    static EmulatorResponse render(EmulatorRequest request, EmulatorResponse response) {
        String contentType = response.contentType();
        String format = request.format();
        // An image was asked for and an error came instead: the envelope stays JSON for the client to read.
        if (format.equals("json") || format.equals("image") || !isJson(contentType)) {
            return response;
        }
        String pretty = pretty(Json.parseOrNull(response.bodyAsString()));
        return format.equals("pjson")
                ? EmulatorResponse.text(response.status(), TEXT_PLAIN, pretty)
                : EmulatorResponse.text(response.status(), "text/html;charset=UTF-8", "<html><body><pre>"
                        + pretty.replace("&", "&amp;").replace("<", "&lt;") + "</pre></body></html>");
    }

    /**
     * The last step of every reply of the emulated server: JSON relabelled as {@code text/plain} while the switch
     * {@code ArcGisVariants#jsonContentType} says so, read per reply so that the control API changes it at once.
     */
    public static UnaryOperator<EmulatorResponse> labelled(BooleanSupplier jsonAsTextPlain) {
        return response -> jsonAsTextPlain.getAsBoolean() && isJson(response.contentType())
                ? response.withContentType(TEXT_PLAIN) : response;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.startsWith("application/json");
    }

    private static String pretty(JsonNode body) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
