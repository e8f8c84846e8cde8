package org.giscamel.ogc;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One OGC service to read: its type and its GetCapabilities address.
 *
 * <p>The address is also what gets registered as the service's linkage, so it is built the same way every time:
 * the server's own parameters (such as MapServer's {@code map=}) in their configured order, then
 * {@code SERVICE}, {@code REQUEST=GetCapabilities} and {@code VERSION} when one was asked for. Keeping
 * {@code SERVICE} in it gives the WMS and the WFS of one MapServer two different linkages, which they need: iPortal
 * refuses a second registration of the same address.
 */
public final class OgcEndpoint {

    /** The request parameters this class writes itself; any case, as OGC parameter names are case-insensitive. */
    private static final Set<String> REQUEST_KEYS = Set.of("service", "request", "version", "acceptversions");
    /** The RESTful WMTS binding publishes its capabilities as a document instead of a KVP request. */
    private static final String WMTS_REST_DOCUMENT = "wmtscapabilities.xml";

    private final OgcServiceType type;
    private final URI capabilitiesUrl;

    private OgcEndpoint(OgcServiceType type, URI capabilitiesUrl) {
        this.type = type;
        this.capabilitiesUrl = capabilitiesUrl;
    }

    /**
     * A service given by the GetCapabilities URL an operator copied, such as
     * {@code https://maps.example.com/ows?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0}, or a RESTful WMTS
     * {@code .../WMTSCapabilities.xml}. Without a version the server picks its highest.
     *
     * @throws IllegalArgumentException when the URL names no supported {@code SERVICE} or another request
     */
    public static OgcEndpoint fromCapabilitiesUrl(URI url) {
        Map<String, String> params = parameters(url.getRawQuery());
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        if (!params.containsKey("service") && path.endsWith(WMTS_REST_DOCUMENT)) {
            return new OgcEndpoint(OgcServiceType.WMTS, url);
        }
        OgcServiceType type = Optional.ofNullable(params.get("service")).flatMap(OgcServiceType::fromServiceParameter)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the capabilities URL must name SERVICE=WMS, WMTS, WFS or WCS"));
        String request = params.getOrDefault("request", "GetCapabilities");
        if (!request.equalsIgnoreCase("GetCapabilities")) {
            throw new IllegalArgumentException("the URL asks for " + request + ", not for GetCapabilities");
        }
        // OWS services take AcceptVersions, a list in order of preference; VERSION names one and works everywhere.
        String version = params.containsKey("version") ? params.get("version")
                : params.getOrDefault("acceptversions", "").split(",")[0].trim();
        return of(type, url, version.isBlank() ? null : version);
    }

    /**
     * A key-value-pair service at {@code serviceUrl}; request parameters already in it are replaced.
     *
     * @param version the version to ask for, or null to let the server choose
     */
    public static OgcEndpoint of(OgcServiceType type, URI serviceUrl, String version) {
        List<String> query = new ArrayList<>();
        for (String pair : rawPairs(serviceUrl.getRawQuery())) {
            if (!REQUEST_KEYS.contains(key(pair))) {
                query.add(pair);
            }
        }
        query.add("SERVICE=" + type.name());
        query.add("REQUEST=GetCapabilities");
        if (version != null) {
            query.add("VERSION=" + URLEncoder.encode(version, StandardCharsets.UTF_8));
        }
        return new OgcEndpoint(type, URI.create(withoutQuery(serviceUrl) + "?" + String.join("&", query)));
    }

    public OgcServiceType type() {
        return type;
    }

    /** The GetCapabilities request, and the linkage to register for the service. */
    public URI capabilitiesUrl() {
        return capabilitiesUrl;
    }

    @Override
    public String toString() {
        return type + " " + capabilitiesUrl;
    }

    /** Lower-case names to decoded values; the first of a repeated name wins. */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        for (String pair : rawPairs(rawQuery)) {
            int eq = pair.indexOf('=');
            out.putIfAbsent(key(pair), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static List<String> rawPairs(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(rawQuery.split("&")).filter(pair -> !pair.isEmpty()).toList();
    }

    private static String key(String rawPair) {
        int eq = rawPair.indexOf('=');
        return decode(eq < 0 ? rawPair : rawPair.substring(0, eq)).toLowerCase(Locale.ROOT);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String withoutQuery(URI uri) {
        String text = uri.toString();
        int cut = text.indexOf('?');
        if (cut < 0) {
            cut = text.indexOf('#');
        }
        return cut < 0 ? text : text.substring(0, cut);
    }
}
