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
 * {@code siteLeave} ({@code gis.site-leave.*}, {@code site-leave.camel.yaml}), {@code siteReconcile}
 * ({@code gis.site.*}, {@code site-reconcile.camel.yaml}), and each file drop's {@code site<Flow>Inbox} and filter
 * {@code site<Flow>DropGuard} (the triggers' route files). The shared protocol beans of
 * {@link org.giscamel.wiring.GisBeans} are looked up when a run starts, so the order in which camel-main applies
 * configurations does not matter.
 */
@Configuration
public class SiteJoinBeans implements CamelConfiguration {

    /** Whether the reconcile's schedule (and its run at start-up) is on: whether gis.site.reconcile-cron is set. */
    static final String SCHEDULED = "site-reconcile.scheduled";
    /** The schedule's cron: gis.site.reconcile-cron, or one that never fires, since Quartz refuses an empty one. */
    static final String CRON = "site-reconcile.cron";
    private static final String NEVER = "0 0 0 1 1 ? 2099";

    @Override
    public void configure(CamelContext context) {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        SiteJoinSettings join = SiteJoinSettings.from(settings);
        SiteCreateSettings create = SiteCreateSettings.from(settings);
        SiteLeaveSettings leave = SiteLeaveSettings.from(settings);
        SiteReconcileSettings reconcile = SiteReconcileSettings.from(settings);
        settings.requireValid();
        // The schedule route is loaded whether or not it starts, and Quartz checks its cron either way.
        context.getPropertiesComponent().addOverrideProperty(SCHEDULED, String.valueOf(reconcile.scheduled()));
        context.getPropertiesComponent().addOverrideProperty(CRON, reconcile.cron().orElse(NEVER));
        Clock clock = Clock.systemUTC();
        Waiting waiting = new Waiting(clock, duration -> Thread.sleep(duration.toMillis()), context::isStopping);
        Registry registry = context.getRegistry();
        registry.bind("siteJoin", new SiteJoinSteps(join, registry, waiting, clock));
        registry.bind("siteCreate", new SiteCreateSteps(create, join, registry, waiting,
                new StepRunner("site-create", clock, create.reportDir())));
        registry.bind("siteLeave", new SiteLeaveSteps(leave, join, registry, waiting,
                new StepRunner("site-leave", clock, leave.reportDir())));
        registry.bind("siteReconcile", new SiteReconcileSteps(reconcile, join, registry,
                new StepRunner("site-reconcile", clock, reconcile.reportDir(), reconcile.reportsKept())));
        bindInbox(registry, "siteJoin", new SiteInbox("site-join", join.inbox(), clock, SiteJoinRun.PROPERTY));
        bindInbox(registry, "siteCreate", new SiteInbox("site-create", create.inbox(), clock, SiteCreateRun.PROPERTY));
        bindInbox(registry, "siteLeave", new SiteInbox("site-leave", leave.inbox(), clock, SiteLeaveRun.PROPERTY));
    }

    private static void bindInbox(Registry registry, String flow, SiteInbox inbox) {
        registry.bind(flow + "Inbox", inbox);
        registry.bind(flow + "DropGuard", inbox.guard());
    }
}
