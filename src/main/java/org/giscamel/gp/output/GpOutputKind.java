package org.giscamel.gp.output;

/** How an output parameter's value is saved, by its {@code dataType} (arcgis-rest.md §5.3, §5.8). */
public enum GpOutputKind {
    /** A feature set (or a table), saved as GeoJSON beside the raw Esri JSON. */
    FEATURES,
    /** {@code value.url} points at the raster file (a GeoTIFF), streamed to the output. */
    RASTER,
    /** {@code value.url} points at a file, saved under its own (sanitised) name. */
    DATA_FILE,
    /** Any other value (strings, numbers, units, dates, multi-values...), collected into {@code results.json}. */
    LITERAL;

    public static GpOutputKind of(String dataType) {
        return switch (dataType == null ? "" : dataType) {
            case "GPFeatureRecordSetLayer", "GPRecordSet" -> FEATURES;
            // JSAPI's decoder also knows the older GPRasterData.
            case "GPRasterDataLayer", "GPRasterData" -> RASTER;
            case "GPDataFile" -> DATA_FILE;
            default -> LITERAL;
        };
    }
}
