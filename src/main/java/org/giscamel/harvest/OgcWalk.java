package org.giscamel.harvest;

import org.giscamel.ogc.OgcCapabilitiesClient;
import org.giscamel.ogc.OgcEndpoint;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Reads the capabilities of each configured OGC service, in parallel, and hands each service on in the configured
 * order. A service whose capabilities cannot be read or are not capabilities of its type (after the item retries)
 * is reported as an {@link UnreadablePart} covering exactly its linkage, so its registration is kept.
 */
final class OgcWalk implements CatalogWalk {

    private final OgcCapabilitiesClient client;
    private final List<OgcEndpoint> endpoints;
    private final ExecutorService pool;
    private final ItemRetry retry;

    OgcWalk(OgcCapabilitiesClient client, List<OgcEndpoint> endpoints, ExecutorService pool, ItemRetry retry) {
        this.client = client;
        this.endpoints = endpoints;
        this.pool = pool;
        this.retry = retry;
    }

    @Override
    public void walk(WalkVisitor visitor) {
        ParallelReads.inOrder(pool, retry, endpoints, endpoint -> OgcMapping.service(client.read(endpoint)),
                visitor::service, (endpoint, failure) -> visitor.unreadable(new UnreadablePart(
                        endpoint.type() + " service at " + OgcMapping.hostAndPath(endpoint.linkage()),
                        endpoint.linkage().toString(), failure.getMessage())));
    }
}
