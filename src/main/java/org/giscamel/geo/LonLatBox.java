package org.giscamel.geo;

import java.util.Optional;
import java.util.Set;

/**
 * A bounding box in geographic degrees. Geographic extents are taken as they are; Web Mercator ones are
 * unprojected; other projections give none, as converting them would need a projection library.
 */
public record LonLatBox(double west, double south, double east, double north) {

    private static final double EARTH_RADIUS = 6_378_137.0;
    private static final Set<Integer> WEB_MERCATOR = Set.of(3857, 102100, 102113, 900913);
    private static final Set<Integer> GEOGRAPHIC = Set.of(4326, 4269, 4258, 4490, 4283, 4167);

    /** The box of an extent in the coordinates of {@code wkid} (an EPSG or Esri code; none when unknown). */
    public static Optional<LonLatBox> of(double xmin, double ymin, double xmax, double ymax, Integer wkid) {
        if (wkid != null && GEOGRAPHIC.contains(wkid)) {
            return Optional.of(clamped(xmin, ymin, xmax, ymax));
        }
        if (wkid != null && WEB_MERCATOR.contains(wkid)) {
            return Optional.of(clamped(longitude(xmin), latitude(ymin), longitude(xmax), latitude(ymax)));
        }
        return Optional.empty();
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
