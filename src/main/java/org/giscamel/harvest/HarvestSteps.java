package org.giscamel.harvest;

import org.apache.camel.Exchange;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.support.SynchronizationAdapter;
import org.giscamel.arcgis.AnonymousAccess;
import org.giscamel.arcgis.ServicesDirectory;
import org.giscamel.config.ServerConnection;
import org.giscamel.http.GisHttpClient;
import org.giscamel.iportal.OwnedRegistration;
import org.giscamel.iportal.PortalServices;
import org.giscamel.observe.GisMetrics;
import org.giscamel.observe.LogContext;
import org.giscamel.ogc.OgcCapabilitiesClient;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The steps of {@code routes/harvest.camel.yaml}, bound as bean {@code harvest}: start, read the source, read the
 * portal, plan, apply, report. A {@link HarvestRun} is the message body from start to end.
 *
 * <p>Headers on the way in: {@value #SOURCE} (the source id, set by the route template), {@value #DRY_RUN} and
 * {@value #FORCE} (booleans, default false).
 */
public final class HarvestSteps {

    public static final String SOURCE = "GisHarvestSource";
    public static final String DRY_RUN = "GisHarvestDryRun";
    public static final String FORCE = "GisHarvestForce";

    private static final Logger LOG = LoggerFactory.getLogger(HarvestSteps.class);

    private final HarvestFlowSettings config;
    private final Supplier<GisHttpClient> http;
    private final Supplier<TokenService> tokens;
    private final Supplier<RedeliveryPolicy> retryPolicy;
    private final GisMetrics metrics;
    private final Clock clock;

    /** The shared beans are looked up when a run needs them: they may be bound after this one. */
    public HarvestSteps(HarvestFlowSettings config, Supplier<GisHttpClient> http, Supplier<TokenService> tokens,
                        Supplier<RedeliveryPolicy> retryPolicy, GisMetrics metrics, Clock clock) {
        this.config = config;
        this.http = http;
        this.tokens = tokens;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Claims the source for this run; when a run of it is still going, logs so and ends this exchange with a
     * SKIPPED run. Whatever happens later, the run is finished when the exchange completes: the lock is released
     * and a run that broke off gets its FAILED report.
     */
    public void start(Exchange exchange) {
        HarvestSource source = config.source(exchange.getMessage().getHeader(SOURCE, String.class));
        boolean dryRun = Boolean.TRUE.equals(exchange.getMessage().getHeader(DRY_RUN, false, Boolean.class));
        boolean force = Boolean.TRUE.equals(exchange.getMessage().getHeader(FORCE, false, Boolean.class));
        Optional<RunLock.Held> lock = RunLock.tryAcquire(config.runSettings().reportDir(), source.id());
        if (lock.isEmpty()) {
            HarvestRun skipped = HarvestRun.skipped(source, dryRun, force, clock.instant());
            LogContext.harvestRun(exchange, skipped.id());
            LOG.warn(skipped.summaryLine());
            metrics.harvestRun(source.id(), skipped.status().name());
            exchange.getMessage().setBody(skipped);
            exchange.setRouteStop(true);
            return;
        }
        HarvestRun run = new HarvestRun(source, dryRun, force, clock.instant(), pool(source.id()));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                end(run, done.getException(), lock.get());
            }
        });
        LogContext.harvestRun(exchange, run.id());
        exchange.getMessage().setBody(run);
    }

    /**
     * Reads the source's catalog (an ArcGIS services directory, or each OGC service's capabilities) and keeps the
     * registration each service it takes should have.
     */
    public void readSource(HarvestRun run) {
        SourceSnapshot.Collector collector = new SourceSnapshot.Collector(new RegistrationDesign(run.source()));
        walk(run.source().catalog(), run.pool(), new ItemRetry(retryPolicy.get())).walk(collector);
        run.sourceRead(collector.snapshot());
    }

    /** Logs in to iPortal and lists every registration of this user that carries the source's marker. */
    public void readPortal(HarvestRun run) {
        List<OwnedRegistration> owned = new ArrayList<>();
        portal().forEachTagged(run.source().marker(), config.runSettings().pageSize(), owned::add);
        run.portalRead(owned);
    }

    public void plan(HarvestRun run) {
        run.planned(HarvestPlanner.plan(run.snapshot(), run.owned(), config.runSettings().deleteGuardPercent(),
                run.forced()));
    }

    /** Makes the plan's writes, unless this is a dry run or the delete guard tripped. */
    public void apply(HarvestRun run) {
        HarvestPlan plan = run.plan().orElseThrow();
        if (run.dryRun() || plan.guard().tripped()) {
            ItemOutcome.Result instead = run.dryRun() ? ItemOutcome.Result.DRY_RUN : ItemOutcome.Result.WITHHELD;
            run.applied(plan.items().stream().map(item -> ItemOutcome.notApplied(item,
                    item.action() == Action.UNCHANGED || item.action() == Action.KEEP ? ItemOutcome.Result.NONE : instead))
                    .toList());
            return;
        }
        HarvestApplier applier = new HarvestApplier(portal(), new AnonymousAccess(http.get()),
                new RegistrationDesign(run.source()), run.source().marker(), new ItemRetry(retryPolicy.get()),
                run.pool());
        run.applied(applier.apply(plan));
    }

    /** Decides the run's status, writes its JSON report and logs its one-line summary. */
    public void report(HarvestRun run) {
        HarvestPlan plan = run.plan().orElseThrow();
        long failed = run.counts().failed();
        long notRegistered = run.outcomes().stream()
                .filter(outcome -> outcome.result() == ItemOutcome.Result.NOT_REGISTERED).count();
        if (plan.guard().tripped()) {
            run.finish(RunStatus.STOPPED, plan.guard().reason(), clock.instant());
        } else if (failed > 0 || !run.unreadable().isEmpty()) {
            run.finish(RunStatus.PARTIAL, reason(failed, run.unreadable().size(), notRegistered), clock.instant());
        } else {
            run.finish(RunStatus.SUCCEEDED, notRegistered > 0 ? reason(0, 0, notRegistered) : null, clock.instant());
        }
        writeReport(run);
        if (run.status() == RunStatus.SUCCEEDED) {
            LOG.info(run.summaryLine());
        } else {
            LOG.warn(run.summaryLine());
        }
    }

    private void end(HarvestRun run, Exception failure, RunLock.Held lock) {
        try {
            run.pool().shutdownNow();
            if (!run.finished()) {
                String why = failure != null ? failure.getMessage() : "the run ended before its report step";
                run.finish(RunStatus.FAILED, why, clock.instant());
                writeReport(run);
                LOG.error(run.summaryLine());
            }
        } catch (RuntimeException e) {
            LOG.error("Harvest {}: could not write the report of a failed run: {}", run.source().id(), e.getMessage());
        } finally {
            lock.close();
            count(run);
        }
    }

    private void count(HarvestRun run) {
        String source = run.source().id();
        for (ItemOutcome outcome : run.outcomes()) {
            boolean failed = outcome.result() == ItemOutcome.Result.FAILED;
            if (failed || outcome.result() == ItemOutcome.Result.DONE) {
                metrics.harvestWrite(source, outcome.item().action().name(), failed);
            }
        }
        metrics.harvestRun(source, String.valueOf(run.status()));
    }

    private void writeReport(HarvestRun run) {
        String portalUrl = config.portal().map(ServerConnection::url).orElse("");
        run.reported(new HarvestReportWriter(config.runSettings().reportDir(), config.runSettings().reportsKept())
                .write(run, portalUrl));
    }

    private static String reason(long failed, int unreadable, long notRegistered) {
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add(failed + " write(s) failed");
        }
        if (unreadable > 0) {
            parts.add(unreadable + " part(s) of the source could not be read, so nothing under them was deleted");
        }
        if (notRegistered > 0) {
            parts.add(notRegistered + " service(s) the portal would not register, each with its reason in the report");
        }
        return String.join("; ", parts);
    }

    private CatalogWalk walk(SourceCatalog catalog, ExecutorService pool, ItemRetry retry) {
        if (catalog instanceof OgcCatalog ogc) {
            return new OgcWalk(new OgcCapabilitiesClient(http.get()), ogc.endpoints(), pool, retry);
        }
        ArcGisCatalog site = (ArcGisCatalog) catalog;
        ServicesDirectory directory = new ServicesDirectory(http.get(), tokens.get(), site.root(),
                site.credentials().map(CredentialsProvider::of));
        return new ArcGisWalk(directory, site.filter(), pool, retry);
    }

    private PortalServices portal() {
        ServerConnection portal = config.portal().orElseThrow(() -> new IllegalStateException(
                "gis.iportal.url is not set, so there is no portal to harvest into"));
        return new PortalServices(tokens.get(),
                TokenScope.iportalSession(URI.create(portal.url()), CredentialsProvider.of(portal.credentials())));
    }

    private ExecutorService pool(String sourceId) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "harvest-" + sourceId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(config.runSettings().concurrency(), threads);
    }
}
