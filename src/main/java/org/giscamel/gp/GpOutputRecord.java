package org.giscamel.gp;

/**
 * An output file written for a job. The store keeps one per file name, which is what lets a resumed job skip the
 * files it already wrote.
 *
 * @param parameter the output parameter it came from ({@code mapImage} for the exported map)
 * @param kind      FEATURES, RASTER, DATA_FILE, LITERAL or MAP_IMAGE
 * @param warning   what a reader of the file must know (e.g. the server cut a feature set short), or null
 */
public record GpOutputRecord(String file, String parameter, String kind, long size, String sha256, long writtenAt,
                             String warning) {
}
