package org.giscamel.wiring;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.giscamel.reply.TransientServerException;

/**
 * The route configuration {@code gis-errors} that every flow uses: transient server failures (5xx, 503 restart
 * windows, resets, timeouts) are retried with exponential backoff up to a cap (the {@code gis.retry.*} keys);
 * permanent ones (bad credentials, 400, 403, 404) are not retried. Which failure is which is decided once, by
 * {@link org.giscamel.reply.ReplyChecker}, whose exception messages name the step and the server's reason; so
 * a failure is logged as that one message, without a stack trace or message history.
 */
public class GisErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "gis-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .errorHandler(defaultErrorHandler()
                        .logStackTrace(false)
                        .logExhaustedMessageHistory(false))
                .onException(TransientServerException.class)
                    .redeliveryPolicyRef(GisBeans.RETRY_POLICY)
                    // Camel refuses an onException whose only option is a policy reference ("is not configured");
                    // handled(false) is the default spelled out: once retries are spent, the failure propagates.
                    .handled(false)
                .end();
    }
}
