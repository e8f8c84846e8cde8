package org.giscamel.token;

/** How an ArcGIS token travels with a request (iPortal tokens always go as the {@code token} parameter). */
public enum TokenPlacement {
    /** {@code X-Esri-Authorization: Bearer <token>}: keeps the token out of URLs and access logs. */
    HEADER,
    /** A {@code token} parameter: in the form body of a POST, otherwise in the query; for servers that want it. */
    PARAMETER
}
