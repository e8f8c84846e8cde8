package org.giscamel.emulator.imagery;

import org.giscamel.emulator.http.BadRequestException;

import java.util.Locale;

/** The export formats the emulator can really encode; the {@code format} parameter is matched case-insensitively. */
public enum ImageFormat {
    PNG("png", "image/png", true),
    JPG("jpg", "image/jpeg", false),
    GIF("gif", "image/gif", true),
    BMP("bmp", "image/bmp", false);

    private final String extension;
    private final String contentType;
    private final boolean alpha;

    ImageFormat(String extension, String contentType, boolean alpha) {
        this.extension = extension;
        this.contentType = contentType;
        this.alpha = alpha;
    }

    /** Accepts what ArcGIS accepts for these encodings: png, png8, png24, png32, jpg, jpeg, gif, bmp (any case). */
    public static ImageFormat parse(String format) {
        String f = format == null || format.isBlank() ? "png" : format.trim().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "png", "png8", "png24", "png32" -> PNG;
            case "jpg", "jpeg" -> JPG;
            case "gif" -> GIF;
            case "bmp" -> BMP;
            default -> throw new BadRequestException("Format '" + format + "' is not supported by the emulator");
        };
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public boolean supportsAlpha() {
        return alpha;
    }
}
