package org.giscamel.routes;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.giscamel.reply.TransientServerException;

/**
 * The route configuration {@code gis-errors} that every flow uses: transient server failures (5xx, 503 restart
 * windows, resets, timeouts) are retried with exponential backoff up to a cap (the {@code gis.retry.*} keys);
 * permanent ones (bad credentials,
 * 400, 403, 404) are not retried. Which failure is which is decided once, by
 * {@link org.giscamel.reply.ReplyChecker}.
 */
public class GisErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "gis-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(TransientServerException.class)
                    .redeliveryPolicyRef(GisBeans.RETRY_POLICY)
                .end();
    }
}
