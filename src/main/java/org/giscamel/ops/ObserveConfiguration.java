package org.giscamel.ops;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;
import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnections;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpPhase;
import org.giscamel.http.GisHttpClient;
import org.giscamel.observe.GisMetrics;
import org.giscamel.token.TokenService;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations wiring: readiness checks for the configured ArcGIS Server, iPortal and GP job store, and the meters
 * that hang off the shared beans (tokens, server errors, jobs by phase). It runs when the context starts, once
 * every configuration has bound its beans, so it only watches what this application actually has.
 */
@Configuration
public class ObserveConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        ObserveSettings observe = ObserveSettings.from(settings);
        settings.requireValid();
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                registerReadinessChecks(started, observe);
                countTokensAndErrors(started);
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                registerJobGauges(started);
            }
        });
    }

    private static void registerReadinessChecks(CamelContext context, ObserveSettings observe) {
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        Registry beans = context.getRegistry();
        if (health == null) {
            return;
        }
        Clock clock = Clock.systemUTC();
        ServerConnections connections = beans.findSingleByType(ServerConnections.class);
        GisHttpClient http = beans.findSingleByType(GisHttpClient.class);
        TokenService tokens = beans.findSingleByType(TokenService.class);
        if (connections != null && http != null && tokens != null) {
            connections.arcgis().ifPresent(site ->
                    health.register(ServerReadinessCheck.arcgis(site, http, tokens, observe, clock)));
            connections.iportal().ifPresent(portal ->
                    health.register(ServerReadinessCheck.iportal(portal, tokens, observe, clock)));
        }
        GpJobStore store = beans.findSingleByType(GpJobStore.class);
        if (store != null) {
            health.register(new GpJobStoreReadinessCheck(store, observe, clock));
        }
    }

    /** Before the routes start, so the first token and the first failure count too. */
    private static void countTokensAndErrors(CamelContext context) {
        GisMetrics metrics = GisMetrics.of(context);
        Registry beans = context.getRegistry();
        TokenService tokens = beans.findSingleByType(TokenService.class);
        if (tokens != null) {
            tokens.addListener(metrics.tokenListener());
        }
        GisHttpClient http = beans.findSingleByType(GisHttpClient.class);
        if (http != null) {
            http.addFailureListener(metrics::serverError);
        }
    }

    /** Once started, when Camel's meter registry exists for the gauges to join. */
    private static void registerJobGauges(CamelContext context) {
        GisMetrics metrics = GisMetrics.of(context);
        GpJobStore store = context.getRegistry().findSingleByType(GpJobStore.class);
        if (store != null) {
            List<String> phases = Arrays.stream(GpPhase.values()).map(Enum::name).toList();
            metrics.gpJobsGauge(phases, () -> byName(store.countByPhase()));
        }
    }

    private static Map<String, Long> byName(Map<GpPhase, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((phase, count) -> named.put(phase.name(), count));
        return named;
    }
}
