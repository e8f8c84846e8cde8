package org.giscamel.token;

/** The kinds of credentials the service obtains; each is cached apart from the others. */
public enum TokenKind {
    /** {@code POST <site>/admin/generateToken}, for the Administrator API. */
    ARCGIS_ADMIN,
    /** The URL {@code <site>/rest/info} names in {@code authInfo.tokenServicesUrl}, for {@code /rest/services}. */
    ARCGIS_SERVICES,
    /** {@code POST <iportal>/web/login.json}, giving a {@code JSESSIONID} cookie of unknown lifetime. */
    IPORTAL_SESSION,
    /** {@code POST <iportal>/services/security/tokens.json}, giving a bare token valid for the requested minutes. */
    IPORTAL_TOKEN;

    boolean isIportal() {
        return this == IPORTAL_SESSION || this == IPORTAL_TOKEN;
    }
}
