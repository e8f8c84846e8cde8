package org.giscamel.harvest;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.Registry;
import org.giscamel.config.GisSettings;
import org.giscamel.http.GisHttpClient;
import org.giscamel.observe.GisMetrics;
import org.giscamel.wiring.GisBeans;
import org.giscamel.token.TokenService;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Binds bean {@code harvest} ({@link HarvestSteps}) from the {@code gis.harvest.*} keys. In the application a
 * harvest needs the portal and each source's address (an ArcGIS site, or OGC GetCapabilities URLs) only while the
 * schedule is enabled ({@code gis.harvest.enabled}); the one-shot command always needs them.
 */
@Configuration
public class HarvestConfiguration implements CamelConfiguration {

    public static final String BEAN = "harvest";

    private final boolean connectionsRequired;

    /** As camel-main creates it: the connections are required when the schedule is enabled. */
    public HarvestConfiguration() {
        this(false);
    }

    public HarvestConfiguration(boolean connectionsRequired) {
        this.connectionsRequired = connectionsRequired;
    }

    @Override
    public void configure(CamelContext context) {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        HarvestFlowSettings config = read(settings);
        settings.requireValid();
        Registry registry = context.getRegistry();
        registry.bind(BEAN, new HarvestSteps(config,
                lookup(registry, "gisHttpClient", GisHttpClient.class),
                lookup(registry, "tokenService", TokenService.class),
                lookup(registry, GisBeans.RETRY_POLICY, RedeliveryPolicy.class),
                GisMetrics.of(context), Clock.systemUTC()));
    }

    /** The harvest settings as this configuration reads them (also for {@code check-config}); no side effects. */
    public HarvestFlowSettings read(GisSettings settings) {
        boolean scheduled = settings.bool("gis.harvest.enabled", true);
        if (scheduled) {
            // read by the schedule route (harvest-triggers.camel.yaml); checked here so a bad value names its key
            settings.cron("gis.harvest.cron", "0 0 * * * ?");
        }
        return HarvestFlowSettings.read(settings, connectionsRequired || scheduled);
    }

    private static <T> Supplier<T> lookup(Registry registry, String name, Class<T> type) {
        return () -> {
            T bean = registry.lookupByNameAndType(name, type);
            if (bean == null) {
                throw new IllegalStateException("Bean '" + name + "' is not bound; add " + GisBeans.class.getName()
                        + " to the Camel configuration");
            }
            return bean;
        };
    }
}
