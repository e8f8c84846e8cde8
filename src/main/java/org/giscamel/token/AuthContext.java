package org.giscamel.token;

import org.giscamel.http.GisRequest;

import java.util.Map;

/** The headers and parameters that authenticate a request; apply it to each request of a call. */
public final class AuthContext {

    private final Map<String, String> headers;
    private final Map<String, String> params;

    AuthContext(Map<String, String> headers, Map<String, String> params) {
        this.headers = Map.copyOf(headers);
        this.params = Map.copyOf(params);
    }

    /** The request with the credentials added, replacing any earlier ones. */
    public GisRequest apply(GisRequest request) {
        GisRequest out = request;
        for (var header : headers.entrySet()) {
            out = out.header(header.getKey(), header.getValue());
        }
        for (var param : params.entrySet()) {
            out = out.param(param.getKey(), param.getValue());
        }
        return out;
    }

    /** For callers that build requests with other tools; hold the values as secrets. */
    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, String> params() {
        return params;
    }

    @Override
    public String toString() {
        return "AuthContext[headers=" + headers.keySet() + ", params=" + params.keySet() + "]";
    }
}
