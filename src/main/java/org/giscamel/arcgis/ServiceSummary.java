package org.giscamel.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.geo.LonLatBox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a harvest keeps of one service's {@code ?f=json} metadata: a few strings and numbers, so that a catalog of
 * many thousands of services is never held as JSON.
 *
 * @param url          {@code <root>/rest/services/<name>/<type>}, the address iPortal registers
 * @param title        {@code documentInfo.Title}, else the service's own {@code name}, else its short name
 * @param description  {@code description}, else {@code serviceDescription}
 * @param copyright    {@code copyrightText}
 * @param box          the full extent in degrees, when it can be derived
 * @param wkid         the spatial reference ({@code latestWkid} preferred)
 * @param capabilities {@code capabilities}, split at commas
 * @param mapNames     {@code mapName} of a MapServer
 */
public record ServiceSummary(String url, ServiceRef ref, String title, String description, String copyright,
                             Optional<LonLatBox> box, Optional<Integer> wkid, List<String> capabilities,
                             List<String> mapNames) {

    public static ServiceSummary of(String url, ServiceRef ref, JsonNode json) {
        Optional<Integer> wkid = wkid(json.path("spatialReference"));
        return new ServiceSummary(url, ref,
                text(json.path("documentInfo").path("Title")).or(() -> text(json.path("name"))).orElse(ref.shortName()),
                text(json.path("description")).or(() -> text(json.path("serviceDescription"))).orElse(""),
                text(json.path("copyrightText")).orElse(""),
                extent(json).flatMap(extent -> box(extent, wkid.orElse(null))),
                wkid,
                capabilities(json.path("capabilities")),
                "MapServer".equals(ref.type()) ? text(json.path("mapName")).map(List::of).orElse(List.of()) : List.of());
    }

    private static Optional<JsonNode> extent(JsonNode json) {
        for (String field : List.of("fullExtent", "extent", "initialExtent")) {
            if (json.path(field).isObject()) {
                return Optional.of(json.get(field));
            }
        }
        return Optional.empty();
    }

    /** The box of an Esri extent {@code {xmin, ymin, xmax, ymax, spatialReference}}, else in {@code fallbackWkid}. */
    private static Optional<LonLatBox> box(JsonNode extent, Integer fallbackWkid) {
        if (!extent.path("xmin").isNumber() || !extent.path("ymin").isNumber()
                || !extent.path("xmax").isNumber() || !extent.path("ymax").isNumber()) {
            return Optional.empty();
        }
        return LonLatBox.of(extent.get("xmin").asDouble(), extent.get("ymin").asDouble(), extent.get("xmax").asDouble(),
                extent.get("ymax").asDouble(), wkid(extent.path("spatialReference")).orElse(fallbackWkid));
    }

    /** {@code latestWkid} when present (the current EPSG code), else {@code wkid}. */
    private static Optional<Integer> wkid(JsonNode spatialReference) {
        JsonNode latest = spatialReference.path("latestWkid");
        if (latest.canConvertToInt()) {
            return Optional.of(latest.asInt());
        }
        JsonNode wkid = spatialReference.path("wkid");
        return wkid.canConvertToInt() ? Optional.of(wkid.asInt()) : Optional.empty();
    }

    private static List<String> capabilities(JsonNode node) {
        List<String> out = new ArrayList<>();
        Arrays.stream(node.asText("").split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return List.copyOf(out);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank()
                ? Optional.of(node.asText().trim()) : Optional.empty();
    }
}
