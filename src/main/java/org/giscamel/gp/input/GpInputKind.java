package org.giscamel.gp.input;

import java.nio.file.Path;
import java.util.Locale;

/** What a dropped file becomes, decided by its extension. */
public enum GpInputKind {
    /** GeoJSON ({@code .geojson}, {@code .json}) or an Esri JSON FeatureSet ({@code .json}), sent inline. */
    FEATURES,
    /** A data file sent through the service's {@code uploads/upload}, then passed as {@code {"itemID":..}}. */
    UPLOAD;

    /** @throws GpInputException UNSUPPORTED_FILE_TYPE for an extension that is neither */
    public static GpInputKind of(Path file, GpInputSettings settings) {
        String extension = extension(file);
        if (extension.equals("geojson") || extension.equals("json")) {
            return FEATURES;
        }
        if (settings.uploadExtensions().contains(extension)) {
            return UPLOAD;
        }
        throw new GpInputException(GpInputException.Reason.UNSUPPORTED_FILE_TYPE, file.getFileName()
                + ": unsupported file type '" + (extension.isEmpty() ? "(none)" : "." + extension)
                + "'; expected .geojson, .json or one of " + settings.uploadExtensions().stream().sorted()
                .map(e -> "." + e).toList());
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
