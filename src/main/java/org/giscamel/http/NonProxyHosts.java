package org.giscamel.http;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a non-proxy host list as operators write it, Java's {@code a|*.b|10.*} or a comma list, into the comma list
 * camel-http's {@code nonProxyHosts} takes. Camel compares the pattern with the host name the request names, so a
 * bracketed IPv6 address is also listed bare.
 */
final class NonProxyHosts {

    private NonProxyHosts() {
    }

    static String camelList(String hosts) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String pattern : (hosts == null ? "" : hosts).split("[|,\\s]+")) {
            if (!pattern.isEmpty()) {
                String lower = pattern.toLowerCase(Locale.ROOT);
                patterns.add(lower);
                if (lower.startsWith("[") && lower.endsWith("]")) {
                    patterns.add(lower.substring(1, lower.length() - 1));
                }
            }
        }
        return String.join(",", patterns);
    }
}
