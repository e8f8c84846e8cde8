package org.giscamel.ogc;

import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.HttpReply;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.ReplyChecker;

import java.util.List;

/**
 * Fetches and reads a service's capabilities. Failures come out as the project's typed server exceptions, so the
 * harvester retries and reports them like any other: a failed HTTP status as {@link ReplyChecker#classify} judges
 * it (5xx transient, 4xx permanent), carrying the texts of an exception report if the body holds one; and an
 * exception report, another document or a page that is not XML in a 2xx reply as a permanent failure, since
 * OGC servers report errors with HTTP 200.
 */
public final class OgcCapabilitiesClient {

    private final GisHttpClient http;

    public OgcCapabilitiesClient(GisHttpClient http) {
        this.http = http;
    }

    /**
     * @throws GisServerException when the server cannot be reached, fails, or answers with anything but
     *                            capabilities of the endpoint's service type
     */
    public OgcCapabilities read(OgcEndpoint endpoint) {
        String step = "read " + endpoint.type() + " capabilities";
        HttpReply reply = http.send(step, GisRequest.get(endpoint.capabilitiesUrl()));
        if (reply.status() < 200 || reply.status() >= 300) {
            throw ReplyChecker.classify(step, reply.status(), null, OgcCapabilitiesParser.exceptionTexts(reply.body()));
        }
        OgcCapabilities capabilities;
        try {
            capabilities = OgcCapabilitiesParser.parse(reply.body(), endpoint.linkage());
        } catch (CapabilitiesFormatException e) {
            throw ReplyChecker.classify(step, reply.status(), null, List.of(e.getMessage()));
        }
        if (capabilities.type() != endpoint.type()) {
            throw ReplyChecker.classify(step, reply.status(), null,
                    List.of("expected " + endpoint.type() + " capabilities, got " + capabilities.type()));
        }
        return capabilities;
    }
}
