package org.giscamel.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TokenRejectedException;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an ArcGIS Server services directory ({@code <root>/rest/services}). With credentials every call carries a
 * services token from the {@link TokenService}: a real directory leaves a secured service out of an anonymous
 * listing, silently, so an anonymous walk would miss it. Without credentials the calls go out anonymously and a
 * secured folder or service fails with a message that says so.
 */
public final class ServicesDirectory {

    private final GisHttpClient http;
    private final TokenService tokens;
    private final String root;
    private final Optional<TokenScope> tokenScope;

    /**
     * @param siteRoot    the site, as in {@code https://gis.example.com/arcgis}
     * @param credentials for secured folders and services; empty for a public catalog
     */
    public ServicesDirectory(GisHttpClient http, TokenService tokens, URI siteRoot,
                             Optional<CredentialsProvider> credentials) {
        this.http = http;
        this.tokens = tokens;
        this.root = withoutTrailingSlash(siteRoot.toString());
        this.tokenScope = credentials.map(c -> TokenScope.arcgisServices(siteRoot, c));
    }

    /** True when the directory is read with a token, so that secured services are listed too. */
    public boolean readsWithToken() {
        return tokenScope.isPresent();
    }

    /** The root folder: root services and the folder names. */
    public FolderListing root() {
        String step = "list the ArcGIS services directory";
        return FolderListing.parse(step, get(step, URI.create(root + "/rest/services")));
    }

    public FolderListing folder(String folder) {
        String step = "list ArcGIS services folder " + folder;
        return FolderListing.parse(step, get(step, URI.create(folderUrl(folder))));
    }

    /**
     * What an anonymous caller sees of a folder ({@link FolderListing#ROOT} for the root): its services, none for
     * a folder that asks for a token. Other failures propagate, since they say nothing about visibility.
     */
    public Set<ServiceRef> anonymouslyListed(String folder) {
        boolean atRoot = folder.equals(FolderListing.ROOT);
        String step = "list ArcGIS services " + (atRoot ? "root" : "folder " + folder) + " anonymously";
        URI uri = URI.create(atRoot ? root + "/rest/services" : folderUrl(folder));
        try {
            return Set.copyOf(FolderListing.parse(step, http.call(step, GisRequest.get(uri).param("f", "json"))).services());
        } catch (TokenRejectedException secured) {
            return Set.of();
        }
    }

    /** {@code <root>/rest/services/<folder>}, the prefix of every service address in the folder. */
    public String folderUrl(String folder) {
        return root + "/rest/services/" + encode(folder);
    }

    /** The service's {@code ?f=json} metadata. */
    public JsonNode service(ServiceRef service) {
        return get("read ArcGIS service " + service.name() + "/" + service.type(), URI.create(serviceUrl(service)));
    }

    /** {@code <root>/rest/services/<name>/<type>}: the name already holds the folder. */
    public String serviceUrl(ServiceRef service) {
        StringBuilder url = new StringBuilder(root).append("/rest/services");
        for (String part : service.name().split("/")) {
            url.append('/').append(encode(part));
        }
        return url.append('/').append(encode(service.type())).toString();
    }

    private JsonNode get(String step, URI uri) {
        GisRequest request = GisRequest.get(uri).param("f", "json");
        if (tokenScope.isPresent()) {
            return tokens.call(tokenScope.get(), step, request);
        }
        try {
            return http.call(step, request);
        } catch (TokenRejectedException secured) {
            throw new PermanentServerException(step,
                    "it needs a token and no ArcGIS credentials are configured for this source", secured);
        }
    }
    /** Percent-encodes one path segment; names made of letters, digits, '_' and '-' stay as they are. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
