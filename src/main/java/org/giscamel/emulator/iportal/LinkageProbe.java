package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Json;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * iPortal's check at registration that a service "is really available", in the depth
 * {@link IPortalVariants.RegisterReachability} asks for. The address is never logged, as it may carry a token.
 */
final class LinkageProbe {

    private static final Set<String> OGC_TYPES = Set.of("WMS", "WMTS", "WFS", "WCS", "WPS");
    private static final Set<String> EXCEPTION_REPORTS = Set.of("ServiceExceptionReport", "ExceptionReport");
    private static final int TOKEN_REQUIRED = 499;

    private final HttpClient client;
    private final Duration timeout;
    private final XMLInputFactory xml = XMLInputFactory.newFactory();

    LinkageProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * @param tokenAccess whether the registration tells iPortal how to get a token for the service
     *                    ({@code tokenRefreshUrl} or {@code credentialId})
     */
    boolean reachable(IPortalVariants.RegisterReachability depth, String type, String linkage, boolean tokenAccess) {
        return switch (depth) {
            case OFF -> true;
            case LENIENT -> get(linkage).filter(answer -> answer.status() < 400).isPresent();
            case STRICT -> strict(type, linkage, tokenAccess);
        };
    }

    private boolean strict(String type, String linkage, boolean tokenAccess) {
        if (type.startsWith(PortalEnums.ARCGIS_REST)) {
            Optional<JsonNode> json = get(withParameters(linkage, "f=json")).filter(answer -> answer.status() < 400)
                    .map(answer -> Json.parseOrNull(answer.text())).filter(JsonNode::isObject);
            return json.map(reply -> reply.path("error")).map(error -> !error.isObject()
                    || (error.path("code").asInt() == TOKEN_REQUIRED && tokenAccess)).orElse(false);
        }
        if (OGC_TYPES.contains(type)) {
            boolean document = URI.create(linkage).getPath().toLowerCase(Locale.ROOT).endsWith(".xml");
            return get(document ? linkage : withParameters(linkage, "SERVICE=" + type, "REQUEST=GetCapabilities"))
                    .filter(answer -> answer.status() < 400)
                    .filter(answer -> isDocumentOtherThan(answer.body(), EXCEPTION_REPORTS)).isPresent();
        }
        return get(linkage).filter(answer -> answer.status() < 400).filter(answer -> {
            JsonNode json = Json.parseOrNull(answer.text());
            return json == null || (!json.path("error").isObject() && json.path("succeed").asBoolean(true));
        }).isPresent();
    }

    /** Appends each {@code name=value} whose name the address does not carry yet (OGC names are case-insensitive). */
    private static String withParameters(String linkage, String... pairs) {
        String query = URI.create(linkage).getRawQuery();
        Set<String> present = query == null ? Set.of() : Set.copyOf(Arrays.stream(query.split("&"))
                .map(pair -> URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
                .toList());
        StringBuilder url = new StringBuilder(linkage);
        for (String pair : pairs) {
            if (!present.contains(pair.split("=", 2)[0].toLowerCase(Locale.ROOT))) {
                url.append(url.indexOf("?") < 0 ? '?' : '&').append(pair);
            }
        }
        return url.toString();
    }

    private boolean isDocumentOtherThan(byte[] body, Set<String> rootNames) {
        try {
            XMLStreamReader reader = xml.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.START_ELEMENT) {
                        return !rootNames.contains(reader.getLocalName());
                    }
                }
                return false;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return false;
        }
    }

    private record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The answer; empty when the address cannot be reached. */
    private Optional<Answer> get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
