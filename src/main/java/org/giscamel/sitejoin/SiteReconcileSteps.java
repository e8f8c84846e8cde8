package org.giscamel.sitejoin;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.SynchronizationAdapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The steps of {@code routes/site-reconcile.camel.yaml} (bean {@code siteReconcile}): keep the site of
 * {@code gis.arcgis.url} as declared. Read the declaration and the site, plan (a pure function of the two,
 * {@link SitePlanner}), then apply the plan one machine at a time through the join and leave chains, so every change
 * is made, checked and reported the way a join or leave on its own is. The first failure stops the reconcile; the
 * next one starts from the site as it then is. One reconcile runs at a time in the application.
 */
public final class SiteReconcileSteps {

    /** Header that makes the run a dry run: the plan is made and reported, and nothing is applied. */
    public static final String DRY_RUN = "GisSiteReconcileDryRun";
    /** Header set by {@link #writeReport}: where the report was written. */
    public static final String REPORT_FILE_HEADER = "GisSiteReconcileReportFile";

    private final SiteReconcileSettings settings;
    private final SiteJoinSettings timing;
    private final Registry registry;
    private final StepRunner steps;
    private final Semaphore oneAtATime = new Semaphore(1);

    SiteReconcileSteps(SiteReconcileSettings settings, SiteJoinSettings timing, Registry registry, StepRunner steps) {
        this.settings = settings;
        this.timing = timing;
        this.registry = registry;
        this.steps = steps;
    }

    /** True when {@code gis.site.reconcile-cron} is set: the schedule, and the reconcile at start-up, are on. */
    public boolean isScheduled() {
        return settings.scheduled();
    }

    /**
     * Step 1: the declared site, from the body (YAML text) or else the file {@code gis.site.declaration}, with
     * property placeholders such as {@code {{env:NODE2_URL}}} resolved. Waits while another reconcile runs.
     */
    public void readDeclaration(Exchange exchange) throws InterruptedException {
        awaitTurn(exchange);
        SiteReconcileRun run = new SiteReconcileRun(steps.now());
        exchange.setProperty(SiteReconcileRun.PROPERTY, run);
        String body = exchange.getMessage().getBody(String.class);
        boolean dryRun = Boolean.TRUE.equals(exchange.getMessage().getHeader(DRY_RUN, Boolean.class));
        steps.perform(run, ReconcileStep.READ_DECLARATION, attempt -> {
            String source = body == null ? settings.declaration().map(Path::toString).orElseThrow(() ->
                    new InvalidSiteJoinRequestException("no declared site: set gis.site.declaration to its file"))
                    : "(the message body)";
            String text = body == null ? read(Path.of(source)) : body;
            SiteDeclaration declaration = SiteDeclaration.parse(resolve(exchange.getContext(), text, source), source);
            SiteAccess access = SiteAccess.from(registry, "the site to reconcile");
            run.begin(declaration, source, access.siteAdmin(timing.callTimeout()), dryRun);
            return Completion.done(declaration.machines().size() + " machines declared in " + source
                    + (declaration.removeUndeclared() ? ", others removed" : ", others kept") + (dryRun ? "; a dry run" : ""));
        });
    }

    /** Step 2: the site as it is: its machines, its clusters and the status of each machine. */
    public void readSite(@ExchangeProperty(SiteReconcileRun.PROPERTY) SiteReconcileRun run) {
        steps.perform(run, ReconcileStep.READ_SITE, attempt -> {
            SiteAdmin site = run.site();
            List<SiteAdmin.Machine> machines = site.machines();
            List<SiteAdmin.Cluster> clusters = site.clusters();
            Map<String, SiteAdmin.MachineStatus> statuses = new LinkedHashMap<>();
            machines.forEach(m -> statuses.put(m.name(), site.status(m.name())));
            run.state(new SiteState(machines, clusters, statuses));
            return Completion.done(machines.stream().map(m -> m.name() + " " + statuses.get(m.name()).realTimeState())
                    .collect(Collectors.joining(", ", machines.size() + (machines.size() == 1 ? " machine (" : " machines ("), ")"))
                    + ", clusters " + clusters.stream().map(SiteAdmin.Cluster::name).toList());
        });
    }

    /** Step 3: the plan: one step per machine that is not as declared. */
    public void plan(@ExchangeProperty(SiteReconcileRun.PROPERTY) SiteReconcileRun run) {
        steps.perform(run, ReconcileStep.PLAN, attempt -> {
            run.plan(SitePlanner.plan(run.declaration(), run.state()));
            List<PlannedStep> changes = run.report().changes();
            long others = run.plan().size() - changes.size();
            return Completion.done(changes.isEmpty() ? "nothing to change (" + others + " machines as declared or kept)"
                    : changes.size() + " to change: " + changes.stream().map(PlannedStep::describe)
                    .collect(Collectors.joining(", ")) + "; " + others + " others");
        });
    }

    /**
     * Step 4: the plan's steps in order, each through the join chain ({@code joinEndpoint}) or the leave chain
     * ({@code leaveEndpoint}), one at a time; the first that fails stops the rest. A dry run skips the step.
     */
    public void apply(Exchange exchange, String joinEndpoint, String leaveEndpoint) {
        SiteReconcileRun run = exchange.getProperty(SiteReconcileRun.PROPERTY, SiteReconcileRun.class);
        steps.perform(run, ReconcileStep.APPLY, attempt -> {
            List<PlannedStep> plan = run.plan();
            List<PlannedStep> conflicts = plan.stream().filter(s -> s.action() == PlannedStep.Action.CONFLICT).toList();
            long changes = plan.stream().filter(s -> s.action().changesSite()).count();
            if (run.dryRun()) {
                run.report().headline("dry run of " + run.site() + ": " + changes + " to change, nothing applied");
                return Completion.skipped("a dry run: " + changes + " planned, none applied");
            }
            List<String> applied = new ArrayList<>();
            try (ProducerTemplate producer = exchange.getContext().createProducerTemplate()) {
                for (int i = 0; i < plan.size(); i++) {
                    PlannedStep step = plan.get(i);
                    if (!step.action().changesSite()) {
                        continue;
                    }
                    Exchange result = producer.send(step.action() == PlannedStep.Action.LEAVE ? leaveEndpoint : joinEndpoint,
                            e -> e.getMessage().setBody(request(step)));
                    SiteRun<?> sub = result.getProperty(step.action() == PlannedStep.Action.LEAVE
                            ? SiteLeaveRun.PROPERTY : SiteJoinRun.PROPERTY, SiteRun.class);
                    Optional<StepResult> failed = sub == null ? Optional.empty() : sub.report().failure();
                    Optional<Path> report = sub == null ? Optional.empty() : sub.reportFile();
                    if (result.getException() != null) {
                        String error = failed.map(StepResult::detail).orElse(StepResult.reason(result.getException()));
                        run.report().outcome(i, SiteReconcileReport.ItemOutcome.FAILED,
                                failed.map(f -> f.step().label()), Optional.of(error), report);
                        notReached(run, i + 1);
                        throw new SiteJoinStepException(step.describe() + " failed"
                                + failed.map(f -> " at step '" + f.step().label() + "'").orElse("") + ": " + error
                                + report.map(r -> " (report " + r + ")").orElse(""));
                    }
                    boolean changed = sub != null && sub.report().outcome() == SiteReport.Outcome.DONE;
                    run.report().outcome(i, changed ? SiteReconcileReport.ItemOutcome.DONE
                            : SiteReconcileReport.ItemOutcome.ALREADY_DONE, Optional.empty(), Optional.empty(), report);
                    applied.add(step.describe() + (changed ? "" : " (already done)"));
                }
            } catch (IOException closing) {
                throw new UncheckedIOException(closing);
            }
            for (int i = 0; i < plan.size(); i++) {
                if (plan.get(i).action() == PlannedStep.Action.CONFLICT) {
                    run.report().outcome(i, SiteReconcileReport.ItemOutcome.FAILED, Optional.empty(),
                            Optional.of(plan.get(i).reason()), Optional.empty());
                }
            }
            if (!conflicts.isEmpty()) {
                throw new SiteJoinStepException("the site cannot be made as declared: " + conflicts.stream()
                        .map(c -> c.machineName() + " is " + c.reason()).collect(Collectors.joining("; ")));
            }
            if (applied.isEmpty()) {
                run.report().headline(run.site() + " is as declared (" + run.state().machines().size() + " machines)");
                return Completion.alreadyDone("the site is as declared; nothing to apply");
            }
            run.report().headline(run.site() + ": " + String.join(", ", applied));
            return Completion.done("applied " + String.join(", ", applied));
        });
    }

    /** Step 5: writes the report to {@code gis.site.report-dir}; the body becomes the report's JSON. */
    public void writeReport(Exchange exchange) {
        SiteReconcileRun run = exchange.getProperty(SiteReconcileRun.PROPERTY, SiteReconcileRun.class);
        Path file = steps.finish(run);
        exchange.getMessage().setBody(run.report().toJsonText());
        exchange.getMessage().setHeader(REPORT_FILE_HEADER, file.toString());
    }

    /** The join or leave request that applies a step; a join names the machine by its declared site root. */
    private static Object request(PlannedStep step) {
        if (step.action() == PlannedStep.Action.LEAVE) {
            return SiteLeaveRequest.named(step.machineName(), false);
        }
        String admin = step.adminUrl();
        return new SiteJoinRequest(URI.create(admin.substring(0, admin.length() - "/admin".length())),
                Optional.ofNullable(step.cluster()), Optional.empty());
    }

    private static void notReached(SiteReconcileRun run, int from) {
        List<PlannedStep> plan = run.plan();
        for (int i = from; i < plan.size(); i++) {
            if (plan.get(i).action().changesSite()) {
                run.report().outcome(i, SiteReconcileReport.ItemOutcome.NOT_REACHED, Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
        }
    }

    /** Waits while another reconcile runs, and lets the next one go when this exchange is done, either way. */
    private void awaitTurn(Exchange exchange) throws InterruptedException {
        while (!oneAtATime.tryAcquire(1, TimeUnit.SECONDS)) {
            if (exchange.getContext().isStopping()) {
                throw new SiteJoinStepException("the application is stopping; the reconcile waiting for the previous "
                        + "one to end is dropped");
            }
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                oneAtATime.release();
            }
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidSiteJoinRequestException("the declared site " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String resolve(CamelContext context, String text, String source) {
        try {
            return context.resolvePropertyPlaceholders(text);
        } catch (IllegalArgumentException missing) {
            throw new InvalidSiteJoinRequestException("the declared site " + source + " names a property that is not "
                    + "set: " + missing.getMessage());
        }
    }
}
