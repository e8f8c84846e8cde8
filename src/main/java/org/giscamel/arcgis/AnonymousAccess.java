package org.giscamel.arcgis;

import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.TokenRejectedException;

import java.net.URI;

/**
 * How an ArcGIS service answers a client that sends no token, such as a portal checking the address it is asked
 * to register: a secured service answers code 499 (token required) in an HTTP 200 envelope (arcgis-rest.md §1.3).
 */
public final class AnonymousAccess {

    private final GisHttpClient http;

    public AnonymousAccess(GisHttpClient http) {
        this.http = http;
    }

    /** True when the service's {@code ?f=json} refuses a caller without a token; false when it answers or fails otherwise. */
    public boolean needsToken(String serviceUrl) {
        try {
            http.call("read an ArcGIS service without a token",
                    GisRequest.get(URI.create(serviceUrl)).param("f", "json"));
            return false;
        } catch (TokenRejectedException secured) {
            return true;
        } catch (GisServerException other) {
            return false;
        }
    }
}
