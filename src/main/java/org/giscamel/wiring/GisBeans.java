package org.giscamel.wiring;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.Registry;
import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnections;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.HttpSettings;
import org.giscamel.token.TokenPlacement;
import org.giscamel.token.TokenService;
import org.giscamel.token.TokenSettings;

import java.time.Duration;

/**
 * Binds the protocol beans every flow uses, configured from {@code gis.*} properties: {@code gisHttpClient},
 * {@code tokenService}, {@code serverConnections} and the retry policy {@code gisRetryPolicy}. camel-main finds this class by package scan; an
 * embedding application lists it in {@code camel.main.configuration-classes}.
 */
@Configuration
public class GisBeans implements CamelConfiguration {

    public static final String RETRY_POLICY = "gisRetryPolicy";

    @Override
    public void configure(CamelContext context) {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        GisHttpClient http = new GisHttpClient(httpSettings(settings));
        TokenService tokens = new TokenService(http, tokenSettings(settings));
        ServerConnections connections = ServerConnections.from(settings);
        RedeliveryPolicy retry = retryPolicy(settings);
        settings.requireValid();
        Registry registry = context.getRegistry();
        registry.bind("gisHttpClient", http);
        registry.bind("tokenService", tokens);
        registry.bind("serverConnections", connections);
        registry.bind(RETRY_POLICY, retry);
    }

    /** Exponential backoff for transient failures; the log lines carry the step and reason, never a secret. */
    public static RedeliveryPolicy retryPolicy(GisSettings settings) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(settings.integer("gis.retry.max-retries", 5, 0, 100));
        policy.setRedeliveryDelay(settings.duration("gis.retry.initial-delay", Duration.ofSeconds(1)).toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(settings.decimal("gis.retry.multiplier", 2.0, 1.0, 10.0));
        policy.setMaximumRedeliveryDelay(settings.duration("gis.retry.max-delay", Duration.ofSeconds(30)).toMillis());
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setRetriesExhaustedLogLevel(LoggingLevel.ERROR);
        policy.setLogStackTrace(false);
        policy.setLogRetryStackTrace(false);
        policy.setLogExhaustedMessageHistory(false);
        return policy;
    }

    public static HttpSettings httpSettings(GisSettings settings) {
        HttpSettings http = HttpSettings.defaults();
        http.setConnectTimeout(settings.duration("gis.http.connect-timeout", Duration.ofSeconds(10)));
        http.setReadTimeout(settings.duration("gis.http.read-timeout", Duration.ofSeconds(120)));
        settings.optional("gis.http.trust-store").ifPresent(path -> {
            if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(path))) {
                settings.problem("gis.http.trust-store names " + path + ", which cannot be read");
            }
            http.setTrustStorePath(path);
            http.setTrustStorePassword(settings.requiredSecret("gis.http.trust-store-password",
                    "because gis.http.trust-store is set"));
        });
        http.setTrustStoreType(settings.choice("gis.http.trust-store-type", "PKCS12", "PKCS12", "JKS"));
        http.setTrustAllCertificates(settings.bool("gis.http.trust-all-certificates", false));
        return http;
    }

    public static TokenSettings tokenSettings(GisSettings settings) {
        TokenSettings tokens = TokenSettings.defaults();
        tokens.setReferer(settings.string("gis.token.referer", "gis-camel-routes"));
        tokens.setExpirationMinutes(settings.integer("gis.token.expiration-minutes", 60, 1, 60 * 24 * 14));
        tokens.setRefreshMargin(settings.duration("gis.token.refresh-margin", Duration.ofMinutes(5)));
        tokens.setPlacement(TokenPlacement.valueOf(
                settings.choice("gis.token.placement", "HEADER", "HEADER", "PARAMETER")));
        return tokens;
    }
}
