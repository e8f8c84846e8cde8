package org.giscamel.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A URL fit for logs: scheme, host, port, path and query, with the values of secret parameters (any name holding
 * "token", "password" or "secret") replaced by {@code ***}; user info and fragment are dropped.
 */
public final class SafeUrl {

    static final String REDACTED = "***";

    private SafeUrl() {
    }

    public static String render(URI uri) {
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            out.append(uri.getHost());
        }
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            out.append('?').append(redactQuery(query));
        }
        return out.toString();
    }

    /** True for parameter names whose values must never be shown. */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("token") || lower.contains("password") || lower.contains("secret");
    }

    private static String redactQuery(String rawQuery) {
        StringJoiner joined = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            joined.add(eq >= 0 && isSecret(decode(name)) ? name + "=" + REDACTED : pair);
        }
        return joined.toString();
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
