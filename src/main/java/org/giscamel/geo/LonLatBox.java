package org.giscamel.geo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/**
 * A bounding box in geographic degrees, derived from an ArcGIS extent. Geographic extents are taken as they are;
 * Web Mercator ones are unprojected; other projections give none, as converting them would need a projection
 * library.
 */
public record LonLatBox(double west, double south, double east, double north) {

    private static final double EARTH_RADIUS = 6_378_137.0;
    private static final Set<Integer> WEB_MERCATOR = Set.of(3857, 102100, 102113, 900913);
    private static final Set<Integer> GEOGRAPHIC = Set.of(4326, 4269, 4258, 4490, 4283, 4167);

    /** The box of an extent {@code {xmin, ymin, xmax, ymax, spatialReference}}; {@code fallbackWkid} when it has none. */
    public static Optional<LonLatBox> of(JsonNode extent, Integer fallbackWkid) {
        if (!extent.path("xmin").isNumber() || !extent.path("ymin").isNumber()
                || !extent.path("xmax").isNumber() || !extent.path("ymax").isNumber()) {
            return Optional.empty();
        }
        Integer wkid = wkid(extent.path("spatialReference")).orElse(fallbackWkid);
        double xmin = extent.get("xmin").asDouble();
        double ymin = extent.get("ymin").asDouble();
        double xmax = extent.get("xmax").asDouble();
        double ymax = extent.get("ymax").asDouble();
        if (wkid != null && GEOGRAPHIC.contains(wkid)) {
            return Optional.of(clamped(xmin, ymin, xmax, ymax));
        }
        if (wkid != null && WEB_MERCATOR.contains(wkid)) {
            return Optional.of(clamped(longitude(xmin), latitude(ymin), longitude(xmax), latitude(ymax)));
        }
        return Optional.empty();
    }

    /** {@code latestWkid} when present (the current EPSG code), else {@code wkid}. */
    public static Optional<Integer> wkid(JsonNode spatialReference) {
        JsonNode latest = spatialReference.path("latestWkid");
        if (latest.canConvertToInt()) {
            return Optional.of(latest.asInt());
        }
        JsonNode wkid = spatialReference.path("wkid");
        return wkid.canConvertToInt() ? Optional.of(wkid.asInt()) : Optional.empty();
    }

    private static double longitude(double x) {
        return Math.toDegrees(x / EARTH_RADIUS);
    }

    private static double latitude(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2);
    }

    private static LonLatBox clamped(double west, double south, double east, double north) {
        return new LonLatBox(clamp(west, 180), clamp(south, 90), clamp(east, 180), clamp(north, 90));
    }

    private static double clamp(double value, double limit) {
        double rounded = Math.round(value * 1e6) / 1e6;
        return Math.max(-limit, Math.min(limit, rounded));
    }
}
