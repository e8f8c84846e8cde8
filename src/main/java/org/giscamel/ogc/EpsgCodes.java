package org.giscamel.ogc;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EPSG code in a reference system name as capabilities spell it: {@code EPSG:4326} (WMS), the URN
 * {@code urn:ogc:def:crs:EPSG::4326} (OWS services, also with a version or the older {@code urn:x-ogc:} prefix), the
 * URI {@code http://www.opengis.net/def/crs/EPSG/0/4326} (WCS 2.0) and {@code .../gml/srs/epsg.xml#4326} (WFS 1.0).
 * The OGC names of WGS84 longitude/latitude ({@code CRS:84}, {@code ...CRS84}) count as 4326, the same datum.
 */
public final class EpsgCodes {

    private static final Pattern EPSG = Pattern.compile("(?:EPSG:|urn:(?:x-)?ogc:def:crs:EPSG:(?:[\\d.]*:)?"
            + "|https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/|https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#)"
            + "(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    private static final Pattern CRS84 = Pattern.compile("CRS:84|urn:ogc:def:crs:OGC:[\\d.]*:CRS84"
            + "|https?://www\\.opengis\\.net/def/crs/OGC/[^/]+/CRS84", Pattern.CASE_INSENSITIVE);
    private static final int WGS84 = 4326;

    private EpsgCodes() {
    }

    /** The code, or empty for a reference system outside EPSG ({@code AUTO:42001}, a server's own). */
    public static Optional<Integer> of(String crs) {
        String name = crs.trim();
        Matcher epsg = EPSG.matcher(name);
        if (epsg.matches()) {
            return Optional.of(Integer.parseInt(epsg.group(1)));
        }
        return CRS84.matcher(name).matches() ? Optional.of(WGS84) : Optional.empty();
    }

    /** The code of the first name that has one. */
    public static Optional<Integer> first(List<String> crs) {
        return crs.stream().flatMap(name -> of(name).stream()).findFirst();
    }
}
