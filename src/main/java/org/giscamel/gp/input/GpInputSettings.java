package org.giscamel.gp.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How dropped files become GP inputs.
 *
 * @param uploadExtensions    extensions (lower case, no dot) of files sent through {@code uploads/upload}
 * @param maxFeatureFileBytes feature files are parsed in memory and sent in the request body, so they are capped
 * @param defaultWkid         spatial reference of GeoJSON files without a {@code crs} member
 */
public record GpInputSettings(Set<String> uploadExtensions, long maxFeatureFileBytes, int defaultWkid) {

    /** Rasters, archives (a zipped shapefile or file geodatabase), tables and other data files a GP tool reads. */
    public static final String DEFAULT_UPLOAD_EXTENSIONS =
            "tif,tiff,img,jp2,png,jpg,jpeg,zip,csv,txt,xml,gpkg,kml,kmz,las,laz,xlsx,xls";
    public static final long DEFAULT_MAX_FEATURE_FILE_BYTES = 20L * 1024 * 1024;
    public static final int DEFAULT_WKID = 4326;

    public GpInputSettings {
        uploadExtensions = Set.copyOf(uploadExtensions);
        if (maxFeatureFileBytes <= 0) {
            throw new IllegalArgumentException("maxFeatureFileBytes must be positive, got " + maxFeatureFileBytes);
        }
    }

    public static GpInputSettings defaults() {
        return new GpInputSettings(parseExtensions(DEFAULT_UPLOAD_EXTENSIONS), DEFAULT_MAX_FEATURE_FILE_BYTES,
                DEFAULT_WKID);
    }

    /** {@code "tif, .TIFF,zip"} → {@code {tif, tiff, zip}}: a configured list may be written either way. */
    public static Set<String> parseExtensions(String list) {
        return Arrays.stream(list.split(","))
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .map(e -> e.startsWith(".") ? e.substring(1) : e)
                .filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
