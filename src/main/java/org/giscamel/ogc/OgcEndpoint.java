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
 * One OGC service to read: its type, its GetCapabilities address, and the address to register for it.
 *
 * <p>The linkage is the service's endpoint, not a request: the server's own parameters (such as MapServer's
 * {@code map=}, which selects the service on a shared CGI) in their configured order, then {@code SERVICE}. SuperMap's
 * clients append the request to a registered OGC address themselves (iClient's {@code getWmsInfo} appends
 * {@code REQUEST=GetCapabilities&SERVICE=WMS} and keeps the parameters already there), and iPortal's own address
 * formats are endpoints such as {@code .../map-china400/wms130} (iportal-rest.md §7.1); a {@code REQUEST} or
 * {@code VERSION} left in the linkage would contradict the GetMap or the version such a client asks for. {@code SERVICE}
 * stays: it tells the WMS and the WFS of one MapServer apart, and iPortal refuses a second registration of one address
 * by the same user (§3.2). A registered address may carry a query (a token, §3.2), and a repeated
 * {@code SERVICE=WMS} with the same value is harmless. The capabilities URL is the linkage plus
 * {@code REQUEST=GetCapabilities} and {@code VERSION} when one was asked for, built the same way every time.
 */
public final class OgcEndpoint {

    /** The request parameters this class writes itself; any case, as OGC parameter names are case-insensitive. */
    private static final Set<String> REQUEST_KEYS = Set.of("service", "request", "version", "acceptversions");
    /** The RESTful WMTS binding publishes its capabilities as a document instead of a KVP request. */
    private static final String WMTS_REST_DOCUMENT = "wmtscapabilities.xml";

    private final OgcServiceType type;
    private final URI linkage;
    private final URI capabilitiesUrl;

    private OgcEndpoint(OgcServiceType type, URI linkage, URI capabilitiesUrl) {
        this.type = type;
        this.linkage = linkage;
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
            return new OgcEndpoint(OgcServiceType.WMTS, url, url);
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
        String linkage = withoutQuery(serviceUrl) + "?" + String.join("&", query);
        String capabilities = linkage + "&REQUEST=GetCapabilities"
                + (version == null ? "" : "&VERSION=" + URLEncoder.encode(version, StandardCharsets.UTF_8));
        return new OgcEndpoint(type, URI.create(linkage), URI.create(capabilities));
    }

    public OgcServiceType type() {
        return type;
    }

    /** The GetCapabilities request. */
    public URI capabilitiesUrl() {
        return capabilitiesUrl;
    }

    /** The address to register for the service: its endpoint, without the request (see the class comment). */
    public URI linkage() {
        return linkage;
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
