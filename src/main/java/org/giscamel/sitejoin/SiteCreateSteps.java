package org.giscamel.sitejoin;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.spi.Registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The steps of {@code routes/site-create.camel.yaml} (bean {@code siteCreate}): create an ArcGIS Server site on a
 * machine in no site, as DSC and GITOPS do (createNewSite with the configuration store and server directories),
 * wait out the restart, and verify the site with the administrator's token. A machine already in a site that
 * takes those credentials is a site created before: every step then reports already-done.
 */
public final class SiteCreateSteps {

    /** Header set by {@link #writeReport}: where the report was written. */
    public static final String REPORT_FILE_HEADER = "GisSiteCreateReportFile";

    private final SiteCreateSettings settings;
    private final SiteJoinSettings timing;
    private final Registry registry;
    private final Waiting waiting;
    private final StepRunner steps;

    /** @param timing the join's poll interval, which every waiting step of the site flows uses */
    SiteCreateSteps(SiteCreateSettings settings, SiteJoinSettings timing, Registry registry, Waiting waiting,
                    StepRunner steps) {
        this.settings = settings;
        this.timing = timing;
        this.registry = registry;
        this.waiting = waiting;
        this.steps = steps;
    }

    /**
     * Reads the request from the body: a {@link SiteCreateRequest}, its JSON text (a request file), or nothing for
     * the configured machine and folders. Checks it before anything is sent to a server.
     */
    public void readRequest(Exchange exchange) {
        SiteCreateRun run = new SiteCreateRun(SiteCreateRun.newReport(steps.now()));
        exchange.setProperty(SiteCreateRun.PROPERTY, run);
        Object body = exchange.getMessage().getBody();
        steps.perform(run, CreateStep.READ_REQUEST, attempt -> {
            SiteCreateRequest request = body instanceof SiteCreateRequest given ? given
                    : body == null ? SiteCreateRequest.configured()
                    : SiteCreateRequest.parse(exchange.getMessage().getBody(String.class));
            SiteAccess access = SiteAccess.from(registry, "the machine to create the site on");
            NewSite site = settings.complete(request, access.siteRoot());
            run.begin(site, access.machine(site.machine()), access.admin(site.machine(), settings.callTimeout()),
                    access.credentials());
            return Completion.done("create a site on " + site.machine() + " for " + access.credentials().username()
                    + ", configuration store " + site.configStore() + ", server directories under " + site.directoriesRoot());
        });
    }

    /**
     * Step 1: is the machine in no site (create one), or in a site already? A site that takes the administrator's
     * credentials is the one asked for, created before; one that refuses them fails here, before anything changes.
     */
    public void checkSite(@ExchangeProperty(SiteCreateRun.PROPERTY) SiteCreateRun run) {
        steps.perform(run, CreateStep.CHECK_SITE, attempt -> {
            AdminStanding standing = run.machine().standing();
            if (!standing.inASite()) {
                return Completion.done(run.machine() + " is in no site yet (" + standing.answer() + ")");
            }
            run.site().token();
            run.existing();
            return Completion.done(run.machine() + " is already in a site, which takes the credentials of "
                    + run.administrator().username());
        });
    }

    /** Step 2: createNewSite, unless the machine is in a site already. */
    public void createSite(@ExchangeProperty(SiteCreateRun.PROPERTY) SiteCreateRun run) {
        steps.perform(run, CreateStep.CREATE_SITE, attempt -> {
            if (run.isExisting()) {
                return Completion.alreadyDone("the site exists; nothing to create");
            }
            if (attempt > 1 && run.machine().standing().inASite()) {
                // The earlier attempt went through with only its reply lost: a second createNewSite would be refused.
                run.created(0);
                return Completion.done("created the site on " + run.machine() + " (by an earlier attempt)");
            }
            int pollAfter = run.machine().createNewSite(run.newSite(), run.administrator(), settings.callTimeout());
            run.created(pollAfter);
            return Completion.done("created the site on " + run.machine() + " (pollAfter " + pollAfter + " s)");
        });
    }

    /** Step 3: wait out pollAfter and the restart window (503s or dropped connections) until the site answers. */
    public void waitForRestart(@ExchangeProperty(SiteCreateRun.PROPERTY) SiteCreateRun run) {
        steps.perform(run, CreateStep.WAIT_FOR_RESTART, attempt -> {
            if (!run.createdNow()) {
                return Completion.alreadyDone("no site created in this run, so no restart to wait for");
            }
            waiting.until(run.machine() + " to answer again after creating the site",
                    Duration.ofSeconds(run.pollAfterSeconds()), timing.pollInterval(), settings.restartDeadline(),
                    run.machine()::answersAsSiteMember);
            return Completion.done(run.machine() + " answers again, as a site");
        });
    }

    /**
     * Step 4: a new admin token with the administrator's credentials, and the site's machines read with it: the
     * machine must be one of them. Its name comes from that list, or from its admin/local with the token.
     */
    public void verifyWithToken(@ExchangeProperty(SiteCreateRun.PROPERTY) SiteCreateRun run) {
        steps.perform(run, CreateStep.VERIFY_WITH_TOKEN, attempt -> {
            SiteAdmin site = run.site();
            if (run.createdNow()) {
                site.renewToken();
            }
            List<SiteAdmin.Machine> machines = site.machines();
            MachineAdmin machine = run.machine();
            Optional<String> name = machine.memberName(machines, site.token());
            if (name.isEmpty()) {
                throw new SiteJoinStepException("the site on " + machine + " gives a token but does not list the "
                        + "machine among its machines; it may be another site");
            }
            run.report().set("machineName", name.get());
            run.report().headline("site " + machine + " with " + name.get() + " (" + machines.size() + " machine"
                    + (machines.size() == 1 ? "" : "s") + ")");
            return Completion.done("the administrator's token reads the site's machines; " + name.get() + " is one of "
                    + machines.size());
        });
    }

    /** Step 5: writes the report to {@code gis.site-create.report-dir}; the body becomes the report's JSON. */
    public void writeReport(Exchange exchange) {
        SiteCreateRun run = exchange.getProperty(SiteCreateRun.PROPERTY, SiteCreateRun.class);
        Path file = steps.finish(run);
        exchange.getMessage().setBody(run.report().toJsonText());
        exchange.getMessage().setHeader(REPORT_FILE_HEADER, file.toString());
    }
}
