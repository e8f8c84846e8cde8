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
import java.util.List;
import java.util.Optional;

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
        HttpSettings httpSettings = httpSettings(settings);
        TokenSettings tokenSettings = tokenSettings(settings);
        ServerConnections connections = ServerConnections.from(settings);
        RedeliveryPolicy retry = retryPolicy(settings);
        settings.requireValid();
        GisHttpClient http = new GisHttpClient(context, httpSettings);
        TokenService tokens = new TokenService(http, tokenSettings);
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
        settings.optional("gis.http.ssl-context-parameters").ifPresent(http::setSslContextParameters);
        http.setUseGlobalSslContextParameters(settings.bool("gis.http.use-global-ssl-context-parameters", false));
        if (http.tlsChoices().size() > 1) {
            settings.problem("gis.http.trust-store, gis.http.trust-all-certificates, gis.http.ssl-context-parameters"
                    + " and gis.http.use-global-ssl-context-parameters are alternatives; choose one, not "
                    + http.tlsChoices());
        }
        proxySettings(settings, http);
        return http;
    }

    private static void proxySettings(GisSettings settings, HttpSettings http) {
        Optional<String> host = settings.optional("gis.http.proxy-host");
        if (host.isEmpty()) {
            for (String key : List.of("gis.http.proxy-port", "gis.http.proxy-user")) {
                settings.optional(key).ifPresent(v -> settings.problem(key + " is set but gis.http.proxy-host is not"));
            }
            return;
        }
        http.setProxyHost(host.get());
        settings.required("gis.http.proxy-port", "because gis.http.proxy-host is set");
        http.setProxyPort(settings.port("gis.http.proxy-port", 0));
        settings.optional("gis.http.proxy-user").ifPresent(user -> {
            http.setProxyUser(user);
            http.setProxyPassword(settings.requiredSecret("gis.http.proxy-password", "because gis.http.proxy-user is set"));
        });
        http.setNonProxyHosts(settings.string("gis.http.non-proxy-hosts", HttpSettings.LOOPBACK_HOSTS));
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
