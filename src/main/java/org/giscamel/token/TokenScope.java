package org.giscamel.token;

import java.net.URI;
import java.util.Objects;

/**
 * What a token is for: its kind, the server root it is obtained from and valid on, and whose credentials.
 * Roots: an ArcGIS site such as {@code https://gis.example.com:6443/arcgis}; an iPortal such as
 * {@code http://portal.example.com:8190/iportal}.
 */
public record TokenScope(TokenKind kind, URI root, CredentialsProvider credentials) {

    public TokenScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentials, "credentials");
        root = withoutTrailingSlash(Objects.requireNonNull(root, "root"));
    }

    public static TokenScope arcgisAdmin(URI siteRoot, CredentialsProvider credentials) {
        return new TokenScope(TokenKind.ARCGIS_ADMIN, siteRoot, credentials);
    }

    public static TokenScope arcgisServices(URI siteRoot, CredentialsProvider credentials) {
        return new TokenScope(TokenKind.ARCGIS_SERVICES, siteRoot, credentials);
    }

    public static TokenScope iportalSession(URI iportalRoot, CredentialsProvider credentials) {
        return new TokenScope(TokenKind.IPORTAL_SESSION, iportalRoot, credentials);
    }

    public static TokenScope iportalToken(URI iportalRoot, CredentialsProvider credentials) {
        return new TokenScope(TokenKind.IPORTAL_TOKEN, iportalRoot, credentials);
    }

    /** {@code root + "/" + path}, for the server's endpoints. */
    URI resolve(String path) {
        return URI.create(root + "/" + path);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.replaceAll("/+$", "")) : uri;
    }
}
