package org.giscamel.observe;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.MDC;

/**
 * The MDC keys that tie log lines to the work they are about, beside Camel's own {@code camel.routeId} and
 * {@code camel.exchangeId} ({@code camel.main.use-mdc-logging}). Use them with try-with-resources around the work,
 * so that a pooled thread never carries one job's key into the next:
 * <pre>
 * try (LogContext.Scope ignored = LogContext.gpJob(job.id())) { ... }
 * </pre>
 * or, in a route step, for the rest of the exchange: {@code LogContext.gpJob(exchange, id)}.
 */
public final class LogContext {

    /** The GP job's id in the job store (the server's job id is in the message). */
    public static final String GP_JOB_ID = "gis.gpJobId";
    /** The harvest run: source and UTC start time, as in its report's file name. */
    public static final String HARVEST_RUN_ID = "gis.harvestRunId";

    /** Removes the key again, restoring any value it had before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private LogContext() {
    }

    public static Scope gpJob(String jobId) {
        return put(GP_JOB_ID, jobId);
    }

    public static Scope harvestRun(String runId) {
        return put(HARVEST_RUN_ID, runId);
    }

    /** The rest of this exchange's steps (and its completion callbacks added before) carry the GP job's id. */
    public static void gpJob(Exchange exchange, String jobId) {
        untilDone(exchange, gpJob(jobId));
    }

    /** The rest of this exchange's steps (and its completion callbacks added before) carry the harvest run's id. */
    public static void harvestRun(Exchange exchange, String runId) {
        untilDone(exchange, harvestRun(runId));
    }

    private static void untilDone(Exchange exchange, Scope scope) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                scope.close();
            }
        });
    }

    private static Scope put(String key, String value) {
        String previous = MDC.get(key);
        MDC.put(key, value);
        return () -> {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        };
    }
}
