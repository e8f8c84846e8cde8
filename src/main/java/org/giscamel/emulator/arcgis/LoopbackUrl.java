package org.giscamel.emulator.arcgis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Compares URLs that clients send back (joinSite's adminURL, REST-JS's serverUrl) with the emulator's own. */
final class LoopbackUrl {

    private LoopbackUrl() {
    }

    /** {@code localhost} and {@code 127.0.0.1}, host case and trailing slashes do not make another server. */
    static String normalized(String url) {
        try {
            URI uri = new URI(url.trim());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.equals("localhost")) {
                host = "127.0.0.1";
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT) + "://" + host + ":" + uri.getPort() + path;
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /** True when {@code url} is {@code base} or a URL below it. */
    static boolean within(String url, String base) {
        String normalizedUrl = normalized(url);
        String normalizedBase = normalized(base);
        return normalizedUrl.equals(normalizedBase) || normalizedUrl.startsWith(normalizedBase + "/");
    }
}
