package org.giscamel.sitejoin;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.spi.Registry;
import org.giscamel.config.GisSettings;

import java.time.Clock;

/**
 * Binds the beans of the site flows from their keys: {@code siteJoin} ({@code gis.site-join.*}, the steps of
 * {@code routes/site-join.camel.yaml}), {@code siteCreate} ({@code gis.site-create.*}, {@code site-create.camel.yaml}),
 * {@code siteLeave} ({@code gis.site-leave.*}, {@code site-leave.camel.yaml}), and each file drop's {@code site<Flow>Inbox} and filter {@code site<Flow>DropGuard} (the triggers' route files).
 * The shared protocol beans of {@link org.giscamel.routes.GisBeans} are looked up when a run starts, so the order in
 * which camel-main applies configurations does not matter.
 */
@Configuration
public class SiteJoinBeans implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        SiteJoinSettings join = SiteJoinSettings.from(settings);
        SiteCreateSettings create = SiteCreateSettings.from(settings);
        SiteLeaveSettings leave = SiteLeaveSettings.from(settings);
        settings.requireValid();
        Clock clock = Clock.systemUTC();
        Waiting waiting = new Waiting(clock, duration -> Thread.sleep(duration.toMillis()), context::isStopping);
        Registry registry = context.getRegistry();
        registry.bind("siteJoin", new SiteJoinSteps(join, registry, waiting, clock));
        registry.bind("siteCreate", new SiteCreateSteps(create, join, registry, waiting,
                new StepRunner("site-create", clock, create.reportDir())));
        registry.bind("siteLeave", new SiteLeaveSteps(leave, join, registry, waiting,
                new StepRunner("site-leave", clock, leave.reportDir())));
        bindInbox(registry, "siteJoin", new SiteInbox("site-join", join.inbox(), clock, SiteJoinRun.PROPERTY));
        bindInbox(registry, "siteCreate", new SiteInbox("site-create", create.inbox(), clock, SiteCreateRun.PROPERTY));
        bindInbox(registry, "siteLeave", new SiteInbox("site-leave", leave.inbox(), clock, SiteLeaveRun.PROPERTY));
    }

    private static void bindInbox(Registry registry, String flow, SiteInbox inbox) {
        registry.bind(flow + "Inbox", inbox);
        registry.bind(flow + "DropGuard", inbox.guard());
    }
}
