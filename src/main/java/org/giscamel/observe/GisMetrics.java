package org.giscamel.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.TokenRejectedException;
import org.giscamel.token.TokenKind;
import org.giscamel.token.TokenListener;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The application's own meters, served with Camel's at {@code /observe/metrics}. The flows call the methods here
 * and never Micrometer itself, so that a flow reads as its steps and every meter is named in one place (the README's
 * metrics table lists the same names).
 *
 * <p>The meter registry is the one Camel creates when {@code camel.metrics.enabled=true}, found in the Camel
 * registry when first needed; without one (one-shot commands, an embedding application without metrics) every
 * method does nothing.
 */
public final class GisMetrics {

    public static final String GP_JOBS = "gis.gp.jobs";
    public static final String GP_STATUS_POLLS = "gis.gp.status.polls";
    public static final String GP_POLL_TO_DOWNLOAD = "gis.gp.poll.to.download";
    public static final String GP_DOWNLOAD_BYTES = "gis.gp.download.bytes";
    public static final String HARVEST_WRITES = "gis.harvest.writes";
    public static final String HARVEST_RUNS = "gis.harvest.runs";
    public static final String TOKENS_ISSUED = "gis.tokens.issued";
    public static final String TOKENS_REJECTED = "gis.tokens.rejected";
    public static final String ERRORS = "gis.errors";

    /** Does nothing; for code running without Camel metrics. */
    public static final GisMetrics NONE = new GisMetrics(() -> null);

    private final Supplier<MeterRegistry> lookup;
    private volatile MeterRegistry registry;

    private GisMetrics(Supplier<MeterRegistry> lookup) {
        this.lookup = lookup;
    }

    /** The meters of this Camel context; the registry is looked up at first use, so any start order works. */
    public static GisMetrics of(CamelContext context) {
        return new GisMetrics(() -> context.getRegistry().findSingleByType(MeterRegistry.class));
    }

    public static GisMetrics of(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new GisMetrics(() -> registry);
    }

    /** A GP job status request was answered. */
    public void gpStatusPolled() {
        with(r -> Counter.builder(GP_STATUS_POLLS).description("GP job status requests answered by the server")
                .register(r).increment());
    }

    /** A GP output file was written to the outbox ({@code kind}: RASTER, DATA_FILE, FEATURES, MAP_IMAGE...). */
    public void gpOutputWritten(String kind, long bytes) {
        with(r -> Counter.builder(GP_DOWNLOAD_BYTES).description("Bytes of GP outputs written to the outboxes")
                .tag("kind", kind).register(r).increment(bytes));
    }

    /** All outputs of a job are written; {@code sinceServerCompletion} runs from the status read that said so. */
    public void gpOutputsComplete(Duration sinceServerCompletion) {
        with(r -> Timer.builder(GP_POLL_TO_DOWNLOAD)
                .description("From the status read that saw a GP job succeed to its last output written")
                .register(r).record(sinceServerCompletion));
    }

    /**
     * Counts the GP jobs of the job store by phase; {@code counts} is asked at each scrape, once for all phases.
     *
     * @param phases every phase, so that a phase without jobs shows 0 rather than nothing
     */
    public void gpJobsGauge(Iterable<String> phases, Supplier<Map<String, Long>> counts) {
        with(r -> {
            ScrapeSnapshot<Map<String, Long>> snapshot = new ScrapeSnapshot<>(counts);
            for (String phase : phases) {
                Gauge.builder(GP_JOBS, snapshot, s -> s.get().getOrDefault(phase, 0L))
                        .description("GP jobs in the job store by phase").tag("phase", phase)
                        .strongReference(true).register(r);
            }
        });
    }

    /**
     * A harvest write ended.
     *
     * @param action CREATE, UPDATE or DELETE
     */
    public void harvestWrite(String source, String action, boolean failed) {
        with(r -> Counter.builder(HARVEST_WRITES).description("iPortal registrations written by harvests")
                .tag("source", source).tag("action", action.toLowerCase(Locale.ROOT))
                .tag("outcome", failed ? "failed" : "done").register(r).increment());
    }

    /** A harvest run ended with {@code status} (SUCCEEDED, PARTIAL, STOPPED, FAILED, SKIPPED). */
    public void harvestRun(String source, String status) {
        with(r -> Counter.builder(HARVEST_RUNS).description("Harvest runs by source and final status")
                .tag("source", source).tag("status", status.toLowerCase(Locale.ROOT)).register(r).increment());
    }

    /**
     * A failed call to a GIS server, each attempt counted; the step names what was being done. A "token required"
     * or "invalid token" answer is not an error: callers meet it by authenticating, and a refused token shows in
     * {@value #TOKENS_REJECTED}.
     */
    public void serverError(GisServerException e) {
        if (e instanceof TokenRejectedException) {
            return;
        }
        with(r -> Counter.builder(ERRORS).description("Failed calls to ArcGIS Server and iPortal, by step")
                .tag("step", e.step()).tag("transient", String.valueOf(e.isTransient())).register(r).increment());
    }

    /** Counts tokens and sessions obtained and refused; add it to the {@code TokenService}. */
    public TokenListener tokenListener() {
        return new TokenListener() {
            @Override
            public void issued(TokenKind kind, URI root) {
                with(r -> Counter.builder(TOKENS_ISSUED).description("Tokens and sessions obtained from servers")
                        .tag("kind", tag(kind)).register(r).increment());
            }

            @Override
            public void rejected(TokenKind kind, URI root) {
                with(r -> Counter.builder(TOKENS_REJECTED)
                        .description("Tokens and sessions a server refused before they were renewed")
                        .tag("kind", tag(kind)).register(r).increment());
            }
        };
    }

    private static String tag(TokenKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private void with(java.util.function.Consumer<MeterRegistry> use) {
        MeterRegistry r = registry;
        if (r == null) {
            r = lookup.get();
            registry = r;
        }
        if (r != null) {
            use.accept(r);
        }
    }

    /** One value per scrape for several gauges: the first gauge read asks, the others reuse the answer briefly. */
    private static final class ScrapeSnapshot<T> {
        private static final long REUSE_NANOS = Duration.ofSeconds(1).toNanos();
        private final Supplier<T> source;
        private T value;
        private long takenAt;

        ScrapeSnapshot(Supplier<T> source) {
            this.source = source;
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - takenAt > REUSE_NANOS) {
                value = source.get();
                takenAt = now;
            }
            return value;
        }
    }
}
