package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates between a GeoJSON {@code crs} member (GeoJSON 2008; RFC 7946 dropped it, but GDAL and QGIS still
 * write and read it for anything that is not WGS 84) and an Esri {@code spatialReference}.
 */
final class SpatialReferences {

    static final int WGS84 = 4326;
    private static final int WEB_MERCATOR = 3857;
    /** EPSG codes stop at 32767; ArcGIS numbers its own ESRI-authority systems above that (102100, 54030...). */
    private static final int LAST_EPSG_CODE = 32767;
    private static final Pattern CRS84 = Pattern.compile(
            "(?i)^(urn:ogc:def:crs:OGC:[^:]*:CRS84|CRS84|https?://www\\.opengis\\.net/def/crs/OGC/[^/]+/CRS84)$");
    private static final Pattern CODE = Pattern.compile("(?i)^(?:urn:ogc:def:crs:(?:EPSG|ESRI):[^:]*:"
            + "|(?:EPSG|ESRI):{1,2}|https?://www\\.opengis\\.net/def/crs/(?:EPSG|ESRI)/[^/]+/"
            + "|https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#)(\\d+)$");

    private SpatialReferences() {
    }

    /** The wkid a {@code crs} member names; empty when there is none (or it is null, "no CRS" in GeoJSON 2008). */
    static OptionalInt wkidOfCrs(JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return OptionalInt.empty();
        }
        JsonNode properties = crs.path("properties");
        String type = crs.path("type").asText("");
        if (type.equalsIgnoreCase("EPSG") && properties.path("code").canConvertToInt()) {
            return OptionalInt.of(properties.get("code").asInt());
        }
        if (type.equals("name") && properties.path("name").isTextual()) {
            String name = properties.get("name").asText().trim();
            if (CRS84.matcher(name).matches()) {
                return OptionalInt.of(WGS84);
            }
            Matcher code = CODE.matcher(name);
            if (code.matches()) {
                return OptionalInt.of(Integer.parseInt(code.group(1)));
            }
            throw new GeometryFormatException("unrecognised crs name '" + name
                    + "' (expected e.g. urn:ogc:def:crs:EPSG::3857 or EPSG:3857)");
        }
        throw new GeometryFormatException("unsupported crs member " + crs
                + " (expected {\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::<code>\"}})");
    }

    /** The wkid an Esri spatialReference names, its current one first; empty for WKT-only or malformed ones. */
    static OptionalInt wkidOf(JsonNode spatialReference) {
        if (spatialReference == null || !spatialReference.isObject()) {
            return OptionalInt.empty();
        }
        JsonNode latest = spatialReference.path("latestWkid");
        JsonNode wkid = latest.canConvertToInt() ? latest : spatialReference.path("wkid");
        if (!wkid.canConvertToInt()) {
            return OptionalInt.empty();
        }
        int code = wkid.asInt();
        // Servers older than 10.1 name Web Mercator only by its ESRI code.
        return OptionalInt.of(code == 102100 || code == 900913 ? WEB_MERCATOR : code);
    }

    /** An Esri spatialReference; Web Mercator is written as ArcGIS writes it, so that pre-10.1 servers know it. */
    static ObjectNode esri(int wkid) {
        ObjectNode sr = JsonNodeFactory.instance.objectNode();
        if (wkid == WEB_MERCATOR) {
            return sr.put("wkid", 102100).put("latestWkid", WEB_MERCATOR);
        }
        return sr.put("wkid", wkid);
    }

    static ObjectNode crsMember(int wkid) {
        ObjectNode crs = JsonNodeFactory.instance.objectNode().put("type", "name");
        String authority = wkid > LAST_EPSG_CODE ? "ESRI" : "EPSG";
        crs.putObject("properties").put("name", "urn:ogc:def:crs:" + authority + "::" + wkid);
        return crs;
    }
}
