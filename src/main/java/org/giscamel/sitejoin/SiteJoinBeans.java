package org.giscamel.sitejoin;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.spi.Registry;
import org.giscamel.config.GisSettings;

import java.time.Clock;

/**
 * Binds the join chain's beans from the {@code gis.site-join.*} keys: {@code siteJoin} (the steps of
 * {@code routes/site-join.camel.yaml}), {@code siteJoinInbox} and {@code siteJoinDropGuard} (the file drop of
 * {@code routes/site-join-triggers.camel.yaml} and its filter). The shared protocol beans of {@link org.giscamel.routes.GisBeans}
 * are looked up when a run starts, so the order in which camel-main applies configurations does not matter.
 */
@Configuration
public class SiteJoinBeans implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        SiteJoinSettings join = SiteJoinSettings.from(settings);
        settings.requireValid();
        Clock clock = Clock.systemUTC();
        Waiting waiting = new Waiting(clock, duration -> Thread.sleep(duration.toMillis()), context::isStopping);
        Registry registry = context.getRegistry();
        registry.bind("siteJoin", new SiteJoinSteps(join, registry, waiting, clock));
        bindInbox(registry, "siteJoin", new SiteInbox("site-join", join.inbox(), clock, SiteJoinRun.PROPERTY));
    }

    private static void bindInbox(Registry registry, String flow, SiteInbox inbox) {
        registry.bind(flow + "Inbox", inbox);
        registry.bind(flow + "DropGuard", inbox.guard());
    }
}
