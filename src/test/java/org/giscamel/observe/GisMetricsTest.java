package org.giscamel.observe;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TokenRejectedException;
import org.giscamel.reply.TransientServerException;
import org.giscamel.token.TokenKind;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names, labels and values a Prometheus scrape shows, as the README's metrics table documents them. */
class GisMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GisMetrics metrics = GisMetrics.of(registry);

    private String scrape() {
        return registry.scrape();
    }

    @Test
    void gpPollsDownloadsAndLatency() {
        metrics.gpStatusPolled();
        metrics.gpStatusPolled();
        metrics.gpOutputWritten("RASTER", 1000);
        metrics.gpOutputWritten("RASTER", 24);
        metrics.gpOutputsComplete(Duration.ofMillis(1500));

        String text = scrape();
        assertTrue(text.contains("gis_gp_status_polls_total 2.0"), text);
        assertTrue(text.contains("gis_gp_download_bytes_total{kind=\"RASTER\"} 1024.0"), text);
        assertTrue(text.contains("gis_gp_poll_to_download_seconds_count 1"), text);
        assertTrue(text.contains("gis_gp_poll_to_download_seconds_sum 1.5"), text);
    }

    @Test
    void jobsByPhaseAskTheStoreOncePerScrapeAndShowEveryPhase() {
        AtomicInteger asked = new AtomicInteger();
        metrics.gpJobsGauge(List.of("RUNNING", "FAILED"), () -> {
            asked.incrementAndGet();
            return Map.of("RUNNING", 3L);
        });

        String text = scrape();
        assertTrue(text.contains("gis_gp_jobs{phase=\"RUNNING\"} 3.0"), text);
        assertTrue(text.contains("gis_gp_jobs{phase=\"FAILED\"} 0.0"), text);
        assertEquals(1, asked.get());
    }

    @Test
    void harvestWritesAndRunsPerSource() {
        metrics.harvestWrite("main", "CREATE", false);
        metrics.harvestWrite("main", "DELETE", true);
        metrics.harvestRun("main", "PARTIAL");

        String text = scrape();
        assertTrue(text.contains("gis_harvest_writes_total{action=\"create\",outcome=\"done\",source=\"main\"} 1.0"),
                text);
        assertTrue(text.contains("gis_harvest_writes_total{action=\"delete\",outcome=\"failed\",source=\"main\"} 1.0"),
                text);
        assertTrue(text.contains("gis_harvest_runs_total{source=\"main\",status=\"partial\"} 1.0"), text);
    }

    @Test
    void tokensAndErrorsByStep() {
        metrics.tokenListener().issued(TokenKind.ARCGIS_SERVICES, URI.create("http://gis/arcgis"));
        metrics.tokenListener().rejected(TokenKind.IPORTAL_SESSION, URI.create("http://portal/iportal"));
        metrics.serverError(new PermanentServerException("join site", "no", null));
        metrics.serverError(new TransientServerException("read GP job status", 503, null, List.of()));
        metrics.serverError(new TokenRejectedException("list ArcGIS services folder Secured", 200, 499, List.of()));

        String text = scrape();
        assertTrue(text.contains("gis_tokens_issued_total{kind=\"arcgis_services\"} 1.0"), text);
        assertTrue(text.contains("gis_tokens_rejected_total{kind=\"iportal_session\"} 1.0"), text);
        assertTrue(text.contains("gis_errors_total{step=\"join site\",transient=\"false\"} 1.0"), text);
        assertTrue(text.contains("gis_errors_total{step=\"read GP job status\",transient=\"true\"} 1.0"), text);
        assertFalse(text.contains("Secured"), "a token required answer is not an error: " + text);
    }

    @Test
    void meetsCamelsRegistryWhenItAppearsAndDoesNothingBefore() {
        DefaultCamelContext context = new DefaultCamelContext();
        GisMetrics fromContext = GisMetrics.of(context);
        fromContext.gpStatusPolled();

        context.getRegistry().bind("metricsRegistry", registry);
        fromContext.gpStatusPolled();

        assertTrue(scrape().contains("gis_gp_status_polls_total 1.0"), scrape());
    }
}
