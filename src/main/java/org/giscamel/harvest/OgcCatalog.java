package org.giscamel.harvest;

import org.giscamel.ogc.OgcEndpoint;

import java.util.List;

/** OGC services given one by one by their GetCapabilities addresses; each is one registration. */
public record OgcCatalog(List<OgcEndpoint> endpoints) implements SourceCatalog {

    public static final String KIND = "ogc";

    public OgcCatalog {
        endpoints = List.copyOf(endpoints);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> urls() {
        return endpoints.stream().map(endpoint -> endpoint.capabilitiesUrl().toString()).toList();
    }
}
