package org.giscamel.emulator.imagery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.Json;

import java.util.Set;

/**
 * A spatial reference as ArcGIS names it, by {@code wkid} (and {@code latestWkid}). The emulators draw in any of
 * them, but convert only between geographic WGS 84-like ones (degrees) and Web Mercator, the two that map
 * clients ask for; another pair is refused rather than drawn in the wrong place.
 */
public record SpatialRef(int wkid, int latestWkid) {

    public static final SpatialRef WGS84 = new SpatialRef(4326, 4326);
    public static final SpatialRef WEB_MERCATOR = new SpatialRef(102100, 3857);

    private static final Set<Integer> GEOGRAPHIC = Set.of(4326, 4269, 4258, 4283, 4167, 4617, 4230);
    private static final Set<Integer> MERCATOR = Set.of(3857, 102100, 102113, 900913);
    private static final double EARTH_RADIUS = 6378137;
    /** Web Mercator is square at this latitude; beyond it y runs to infinity. */
    private static final double MAX_MERCATOR_LATITUDE = 85.0511287798066;

    /** Maps a point from one spatial reference to another. */
    @FunctionalInterface
    public interface Conversion {
        /** The point {@code (x, y)} in the target spatial reference, as {@code {x, y}}. */
        double[] apply(double x, double y);

        /** Both kinds convert each axis on its own and in order, so the corners of an extent stay its corners. */
        default Extent apply(Extent e) {
            double[] min = apply(e.xmin(), e.ymin());
            double[] max = apply(e.xmax(), e.ymax());
            return new Extent(min[0], min[1], max[0], max[1]);
        }
    }

    /** A spatial reference object, {@code {"wkid":..,"latestWkid":..}}; WGS 84 when it names none. */
    public static SpatialRef fromJson(JsonNode sr) {
        int wkid = sr.path("wkid").asInt(sr.path("latestWkid").asInt(4326));
        return new SpatialRef(wkid, sr.path("latestWkid").asInt(wkid));
    }

    /** A {@code bboxSR}/{@code imageSR} parameter: a wkid ({@code 4326}) or a spatial reference object. */
    public static SpatialRef parse(String parameter, String text) {
        String value = text.trim();
        if (value.matches("\\d{1,9}")) {
            int wkid = Integer.parseInt(value);
            return MERCATOR.contains(wkid) ? WEB_MERCATOR : new SpatialRef(wkid, wkid);
        }
        JsonNode json = value.startsWith("{") ? Json.parseOrNull(value) : null;
        if (json == null || !(json.path("wkid").canConvertToInt() || json.path("latestWkid").canConvertToInt())) {
            throw new BadRequestException("'" + parameter + "' must be a wkid or a spatial reference with a wkid");
        }
        return fromJson(json);
    }

    public boolean isGeographic() {
        return GEOGRAPHIC.contains(wkid) || GEOGRAPHIC.contains(latestWkid);
    }

    public boolean isWebMercator() {
        return MERCATOR.contains(wkid) || MERCATOR.contains(latestWkid);
    }

    public ObjectNode toJson() {
        return Json.object().put("wkid", wkid).put("latestWkid", latestWkid);
    }

    /** From this spatial reference to {@code target}; the identity when both are the same coordinate system. */
    public Conversion to(SpatialRef target) {
        if (sameSystem(target)) {
            return (x, y) -> new double[]{x, y};
        }
        if (isGeographic() && target.isWebMercator()) {
            return SpatialRef::lonLatToMercator;
        }
        if (isWebMercator() && target.isGeographic()) {
            return SpatialRef::mercatorToLonLat;
        }
        throw new BadRequestException("The emulator cannot project from wkid " + wkid + " to wkid " + target.wkid);
    }

    private boolean sameSystem(SpatialRef other) {
        return wkid == other.wkid || latestWkid == other.latestWkid
                || (isGeographic() && other.isGeographic()) || (isWebMercator() && other.isWebMercator());
    }

    private static double[] lonLatToMercator(double lon, double lat) {
        double clamped = Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, lat));
        return new double[]{EARTH_RADIUS * Math.toRadians(lon),
                EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2))};
    }

    private static double[] mercatorToLonLat(double x, double y) {
        return new double[]{Math.toDegrees(x / EARTH_RADIUS), Math.toDegrees(Math.atan(Math.sinh(y / EARTH_RADIUS)))};
    }
}
