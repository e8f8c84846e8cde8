package org.giscamel.sitejoin;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.giscamel.config.GisSettings;

import java.time.Clock;

/**
 * Binds the join chain's beans from the {@code gis.site-join.*} keys: {@code siteJoin} (the steps of
 * {@code routes/site-join.camel.yaml}), {@code siteJoinInbox} and {@code siteJoinDropGuard} (the file drop of
 * {@code routes/site-join-triggers.camel.yaml} and its filter). The shared protocol beans of {@link org.giscamel.wiring.GisBeans}
 * are looked up when a run starts, so the order in which camel-main applies configurations does not matter.
 */
@Configuration
public class SiteJoinBeans implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        SiteJoinSettings joinSettings = SiteJoinSettings.from(settings);
        settings.requireValid();
        Clock clock = Clock.systemUTC();
        Waiting waiting = new Waiting(clock, duration -> Thread.sleep(duration.toMillis()), context::isStopping);
        context.getRegistry().bind("siteJoin", new SiteJoinSteps(joinSettings, context.getRegistry(), waiting, clock));
        SiteJoinInbox inbox = new SiteJoinInbox(joinSettings.inbox(), clock);
        context.getRegistry().bind("siteJoinInbox", inbox);
        context.getRegistry().bind("siteJoinDropGuard", inbox.guard());
    }
}
