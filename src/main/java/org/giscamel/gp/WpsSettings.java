package org.giscamel.gp;

import org.giscamel.config.GisSettings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code gis.gp.wps.*} keys: how a dropped file's content reaches a WPS process (jobs with backend wps and
 * wpsInput content).
 *
 * @param inlineMaxBytes JSON and XML files up to this size go inline in the Execute request
 * @param referenceDir   the folder a web server publishes at {@code referenceUrl}; a file passed by reference is
 *                       copied there for the WPS server to fetch. Empty, with {@code referenceUrl}, when no such
 *                       web server is configured
 * @param referenceUrl   the URL of {@code referenceDir}, as the WPS server reaches it; no trailing slash
 */
public record WpsSettings(long inlineMaxBytes, Optional<Path> referenceDir, Optional<String> referenceUrl) {

    static final String INLINE_MAX = "gis.gp.wps.inline-max-kilobytes";
    static final String REFERENCE_DIR = "gis.gp.wps.reference-dir";
    static final String REFERENCE_URL = "gis.gp.wps.reference-url";
    public static final int DEFAULT_INLINE_MAX_KILOBYTES = 1024;

    public static WpsSettings from(GisSettings settings) {
        int kilobytes = settings.integer(INLINE_MAX, DEFAULT_INLINE_MAX_KILOBYTES, 0, 64 << 10);
        Optional<Path> dir = settings.optional(REFERENCE_DIR).map(value -> settings.folder(REFERENCE_DIR, value));
        Optional<String> url = settings.httpUrl(REFERENCE_URL);
        if (dir.isPresent() != settings.optional(REFERENCE_URL).isPresent()) {
            settings.problem(REFERENCE_DIR + " and " + REFERENCE_URL + " go together: the folder files passed by "
                    + "reference are copied to, and the URL a web server publishes it at; set both or neither");
        }
        return new WpsSettings((long) kilobytes << 10, dir, url);
    }

    /** Both the folder and its URL are set. */
    boolean references() {
        return referenceDir.isPresent() && referenceUrl.isPresent();
    }
}
