package org.giscamel.harvest;

import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.giscamel.reply.GisServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Repeats one item's call (one service read, one registration write) while it fails transiently, with the backoff
 * of the shared {@code gis.retry.*} policy, so that one flaky item neither aborts the run nor restarts its step.
 */
final class ItemRetry {

    private static final Logger LOG = LoggerFactory.getLogger(ItemRetry.class);

    private final RedeliveryPolicy policy;

    ItemRetry(RedeliveryPolicy policy) {
        this.policy = policy;
    }

    <T> T call(Supplier<T> call) {
        long delay = 0;
        for (int retry = 1; ; retry++) {
            try {
                return call.get();
            } catch (GisServerException e) {
                if (!e.isTransient() || retry > policy.getMaximumRedeliveries()) {
                    throw e;
                }
                LOG.warn("{}; retry {} of {}", e.getMessage(), retry, policy.getMaximumRedeliveries());
                delay = pause(delay, retry);
            }
        }
    }

    private long pause(long previousDelay, int retry) {
        try {
            return policy.sleep(previousDelay, retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("harvest interrupted while waiting to retry");
        }
    }
}
