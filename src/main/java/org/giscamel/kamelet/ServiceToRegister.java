package org.giscamel.kamelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.iportal.RegistrationBodies;
import org.giscamel.iportal.ServiceMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A service to register in iPortal, as the {@code iportal-register-sink} Kamelet reads it from a JSON body:
 * {@code linkage} (or {@code url}) and {@code title} are required; {@code type}, {@code tags}, {@code description},
 * {@code copyright}, {@code keywords}, {@code wkid} and {@code extent} ({@code west}, {@code south}, {@code east},
 * {@code north} in degrees) are optional. The messages of {@code arcgis-catalog-source} read as they are.
 *
 * @param portalType an iPortal service type ({@code ARCGIS_REST}, {@code WMS}, {@code OTHERS}...)
 */
record ServiceToRegister(String linkage, String portalType, List<String> tags, ServiceMetadata metadata) {

    /**
     * An ArcGIS service type as the services directory names it (MapServer, FeatureServer...) registers as
     * {@code ARCGIS_REST}; no type at all too. Anything else is taken as iPortal's own type name.
     */
    static String portalType(String type) {
        if (type.isBlank() || type.matches("[A-Za-z]+Server")) {
            return RegistrationBodies.ARCGIS_REST;
        }
        return type.trim().toUpperCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the missing or malformed field */
    static ServiceToRegister parse(JsonNode body) {
        if (!body.isObject()) {
            throw new IllegalArgumentException("The service description must be a JSON object with linkage and title");
        }
        String linkage = text(body, "linkage").or(() -> text(body, "url")).orElseThrow(() ->
                new IllegalArgumentException("The service description has no linkage (or url): the address to register"));
        String title = text(body, "title").orElseThrow(() ->
                new IllegalArgumentException("The service description of " + linkage + " has no title"));
        Optional<Integer> wkid = body.path("wkid").canConvertToInt() ? Optional.of(body.get("wkid").asInt())
                : Optional.empty();
        ServiceMetadata metadata = new ServiceMetadata(title, linkage, text(body, "description").orElse(""),
                text(body, "copyright").orElse(""), strings(body, "keywords"), wkid, box(body.path("extent"), linkage));
        return new ServiceToRegister(linkage, portalType(text(body, "type").orElse("")), strings(body, "tags"),
                metadata);
    }

    private static Optional<ServiceMetadata.Box> box(JsonNode extent, String linkage) {
        if (extent.isMissingNode() || extent.isNull()) {
            return Optional.empty();
        }
        for (String side : List.of("west", "south", "east", "north")) {
            if (!extent.path(side).isNumber()) {
                throw new IllegalArgumentException("The extent of " + linkage + " needs west, south, east and north"
                        + " in degrees");
            }
        }
        return Optional.of(new ServiceMetadata.Box(extent.get("west").asDouble(), extent.get("east").asDouble(),
                extent.get("south").asDouble(), extent.get("north").asDouble()));
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText().trim()) : Optional.empty();
    }

    private static List<String> strings(JsonNode body, String field) {
        List<String> values = new ArrayList<>();
        body.path(field).forEach(value -> {
            if (!value.asText().isBlank()) {
                values.add(value.asText().trim());
            }
        });
        return values;
    }
}
