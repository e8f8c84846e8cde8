package org.giscamel.sitejoin;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.spi.Registry;
import org.giscamel.reply.GisServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps of {@code routes/site-join.camel.yaml} (bean {@code siteJoin}): each method is one step an operator
 * would name, works on the {@link SiteJoinRun} in exchange property {@value SiteJoinRun#PROPERTY}, and records its
 * outcome in the run's report. A failed step writes the report at once and rethrows, so the route's error handling
 * retries transient failures and the report on disk always shows the latest state. Every step first looks at the
 * current state, so a second run changes nothing and reports it so.
 */
public final class SiteJoinSteps {

    /** Header set by {@link #writeReport}: where the report was written. */
    public static final String REPORT_FILE_HEADER = "GisSiteJoinReportFile";
    private static final Logger LOG = LoggerFactory.getLogger(SiteJoinSteps.class);
    /** "When you create a new site, a cluster called 'default' is created for you." (Admin API, machines) */
    private static final String DEFAULT_CLUSTER = "default";

    private final SiteJoinSettings settings;
    private final Registry registry;
    private final Waiting waiting;
    private final StepRunner steps;

    SiteJoinSteps(SiteJoinSettings settings, Registry registry, Waiting waiting, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.waiting = waiting;
        this.steps = new StepRunner("site-join", clock, settings.reportDir());
    }

    /** True when {@code gis.site-join.machine-url} names a machine to join at start-up. */
    public boolean hasConfiguredMachine() {
        return settings.machine().isPresent();
    }

    /**
     * Reads the request from the body: a {@link SiteJoinRequest}, its JSON text (a request file), or nothing for
     * the configured {@code gis.site-join.machine-url}. Checks it before anything is sent to a server.
     */
    public void readRequest(Exchange exchange) {
        SiteJoinRun run = new SiteJoinRun(new SiteJoinReport(steps.now()));
        exchange.setProperty(SiteJoinRun.PROPERTY, run);
        Object body = exchange.getMessage().getBody();
        perform(run, Step.READ_REQUEST, attempt -> {
            SiteJoinRequest request = settings.complete(body instanceof SiteJoinRequest given ? given
                    : body == null ? configuredRequest() : SiteJoinRequest.parse(exchange.getMessage().getBody(String.class)));
            SiteAccess access = SiteAccess.from(registry, "the site to join");
            run.begin(request, access.siteAdmin(settings.callTimeout()), access.machine(request.machine()),
                    access.credentials());
            String cluster = request.cluster().filter(c -> !c.isEmpty()).map(c -> " in cluster " + c).orElse("");
            return Completion.done("join " + request.machine() + " to " + access.siteRoot() + cluster);
        });
    }

    /**
     * Step 1: is the machine in no site, in this site (skip the join), or in another one (stop)? The site's
     * credentials are checked here too, so a wrong password is reported before the machine is touched.
     */
    public void checkMembership(@ExchangeProperty(SiteJoinRun.PROPERTY) SiteJoinRun run) {
        perform(run, Step.CHECK_MEMBERSHIP, attempt -> {
            AdminStanding site = run.site().standing();
            if (!site.inASite()) {
                throw new SiteJoinStepException(run.site() + " is not an ArcGIS Server site: its admin directory "
                        + "did not ask for a token (" + site.answer() + ")");
            }
            run.site().token();
            return membership(run);
        });
    }

    /** Step 2: joinSite on the joining machine, with the site's admin URL and credentials in the POST body. */
    public void joinSite(@ExchangeProperty(SiteJoinRun.PROPERTY) SiteJoinRun run) {
        perform(run, Step.JOIN_SITE, attempt -> {
            if (run.inThisSite()) {
                return Completion.alreadyDone(run.machineLabel() + " is already in this site");
            }
            if (attempt > 1) {
                // The earlier attempt may have gone through with only its reply lost.
                membership(run);
                if (run.inThisSite()) {
                    run.joined(0);
                    return Completion.done(run.machineLabel() + " joined " + run.site() + " (by an earlier attempt)");
                }
            }
            int pollAfter = run.machine().joinSite(run.site().adminUrl(), run.credentials(), settings.callTimeout());
            run.joined(pollAfter);
            return Completion.done(run.machineLabel() + " joined " + run.site() + " (pollAfter " + pollAfter + " s)");
        });
    }

    /** Step 3: wait out pollAfter and the restart window (503s are expected) until the machine's admin answers again. */
    public void waitForRestart(@ExchangeProperty(SiteJoinRun.PROPERTY) SiteJoinRun run) {
        perform(run, Step.WAIT_FOR_RESTART, attempt -> {
            if (!run.joinedNow()) {
                return Completion.alreadyDone("no join in this run, so no restart to wait for");
            }
            waiting.until(run.machineLabel() + " to answer again after joining", Duration.ofSeconds(run.pollAfterSeconds()),
                    settings.pollInterval(), settings.restartDeadline(), run.machine()::answersAsSiteMember);
            return Completion.done(run.machineLabel() + " answers again, as a member of the site");
        });
    }

    /** Step 4: an admin token from the site; a new one after a join, as DSC does, since the site's credentials now apply. */
    public void getAdminToken(@ExchangeProperty(SiteJoinRun.PROPERTY) SiteJoinRun run) {
        perform(run, Step.GET_ADMIN_TOKEN, attempt -> {
            if (run.joinedNow()) {
                run.site().renewToken();
                return Completion.done("new admin token for " + run.site().username() + " after the join");
            }
            run.site().token();
            return Completion.alreadyDone("admin token for " + run.site().username() + " is valid; no join in this run");
        });
    }

    /**
     * Step 5: the machine's own name, which the cluster and start calls need. It is read the way CHEF and
     * GITOPS read it, from the machine's {@code admin/local} with the site's token after the join: no source says
     * that a machine in no site tells its name, so it is never asked before.
     */
    public void readMachineName(@ExchangeProperty(SiteJoinRun.PROPERTY) SiteJoinRun run) {
        perform(run, Step.READ_MACHINE_NAME, attempt -> {
            if (run.machineName() != null) {
                return Completion.alreadyDone("known as " + run.machineName() + " from the site's machines");
            }
            MachineAdmin machine = run.machine();
            Optional<String> fromMachine = machine.nameWith(run.site().token());
            String name = fromMachine.or(() -> machine.listedIn(run.site().machines()))
                    .orElseThrow(() -> new SiteJoinStepException(machine + " did not accept the site's token on "
                            + "admin/local, and the site lists no machine at " + machine.adminUrl()
                            + "; the join may not have taken effect"));
            run.identified(name);
            return Completion.done("the machine is " + name + (fromMachine.isPresent() ? " (its admin/local)"
                    : " (the site's machine list)"));
        });
    }

    /**
     * Step 6: the cluster. A requested cluster must exist (or be created when asked to); the machine is added
     * unless it is a member. Without a request, a machine that the join left in no cluster goes to
     * {@code default} (it can start only from a cluster); a site without clusters, as from 10.8 they are
     * deprecated, skips the step. No source says where a 10.8+ join leaves the machine, so both are handled.
     */
    public void addToCluster(@ExchangeProperty(SiteJoinRun.PROPERTY) SiteJoinRun run) {
        perform(run, Step.ADD_TO_CLUSTER, attempt -> {
            SiteAdmin site = run.site();
            Optional<ServerVersion> version = site.version();
            version.ifPresent(v -> run.report().siteVersion(v.toString()));
            Optional<String> asked = run.request().cluster().filter(c -> !c.isEmpty());
            if (asked.isPresent()) {
                run.report().cluster(asked.get());
                return cluster(run, asked.get());
            }
            List<SiteAdmin.Cluster> clusters = site.clusters();
            Optional<SiteAdmin.Cluster> current = clusters.stream().filter(c -> c.has(run.machineName())).findFirst();
            if (current.isPresent()) {
                run.report().cluster(current.get().name());
                return Completion.alreadyDone(run.machineName() + " is already in cluster " + current.get().name());
            }
            if (clusters.stream().anyMatch(c -> c.name().equalsIgnoreCase(DEFAULT_CLUSTER))) {
                run.report().cluster(DEFAULT_CLUSTER);
                return cluster(run, DEFAULT_CLUSTER);
            }
            if (version.map(v -> v.isAtLeast(ServerVersion.CLUSTERS_DEPRECATED)).orElse(true)) {
                String note = "no cluster asked for, and the site has none (clusters are deprecated from ArcGIS "
                        + "Server " + ServerVersion.CLUSTERS_DEPRECATED + "; the site runs "
                        + version.map(ServerVersion::toString).orElse("an unreported version") + ")";
                LOG.info("site-join {}: {}", run.machineLabel(), note);
                return Completion.skipped(note);
            }
            throw new SiteJoinStepException("no cluster asked for, and " + site + " has no cluster " + DEFAULT_CLUSTER
                    + "; a machine must be in a cluster to start before 10.8, so name one (\"cluster\" in the "
                    + "request, --cluster, gis.site-join.cluster)");
        });
    }

    /** Step 7: start the machine, then poll its status until realTimeState is STARTED, with a deadline. */
    public void startMachine(@ExchangeProperty(SiteJoinRun.PROPERTY) SiteJoinRun run) {
        perform(run, Step.START_MACHINE, attempt -> {
            SiteAdmin site = run.site();
            String name = run.machineName();
            SiteAdmin.MachineStatus status = site.status(name);
            if (status.started()) {
                return Completion.alreadyDone(name + " is already STARTED");
            }
            if (!"STARTING".equalsIgnoreCase(status.realTimeState())) {
                site.start(name);
            }
            waiting.until(name + " to reach STARTED", Duration.ZERO, settings.pollInterval(), settings.startDeadline(), () -> {
                try {
                    SiteAdmin.MachineStatus now = site.status(name);
                    return now.started() ? Waiting.Poll.ready(true) : Waiting.Poll.notYet("realTimeState " + now.realTimeState());
                } catch (GisServerException notAnswering) {
                    return Waiting.Poll.notYet(notAnswering.getMessage());
                }
            });
            return Completion.done(name + " is STARTED");
        });
    }

    /** Step 8: writes the report to {@code gis.site-join.report-dir}; the body becomes the report's JSON. */
    public void writeReport(Exchange exchange) {
        SiteJoinRun run = exchange.getProperty(SiteJoinRun.PROPERTY, SiteJoinRun.class);
        Path file = steps.finish(run);
        exchange.getMessage().setBody(run.report().toJsonText());
        exchange.getMessage().setHeader(REPORT_FILE_HEADER, file.toString());
    }

    private Completion membership(SiteJoinRun run) {
        MachineAdmin machine = run.machine();
        if (!machine.standing().inASite()) {
            run.inNoSite();
            return Completion.done(run.machineLabel() + " is in no site yet, and the site's credentials are valid");
        }
        Optional<String> name = machine.memberName(run.site().machines(), run.site().token());
        if (name.isEmpty()) {
            throw new SiteJoinStepException(machine + " is already in another ArcGIS Server site (it is not one of the "
                    + "machines of " + run.site() + "); unregister it from that site before joining it to this one");
        }
        run.inThisSite(name.get());
        return Completion.done(run.machineLabel() + " is already in this site");
    }

    private Completion cluster(SiteJoinRun run, String cluster) {
        SiteAdmin site = run.site();
        String name = run.machineName();
        List<SiteAdmin.Cluster> clusters = site.clusters();
        Optional<SiteAdmin.Cluster> current = clusters.stream().filter(c -> c.has(name)).findFirst();
        if (current.isPresent() && current.get().name().equalsIgnoreCase(cluster)) {
            return Completion.alreadyDone(name + " is already in cluster " + current.get().name());
        }
        if (current.isPresent()) {
            throw new SiteJoinStepException(name + " is in cluster " + current.get().name() + ", not " + cluster
                    + "; a machine can be in one cluster only, so remove it from " + current.get().name() + " first");
        }
        String created = "";
        if (clusters.stream().noneMatch(c -> c.name().equalsIgnoreCase(cluster))) {
            if (!run.request().createCluster().orElse(false)) {
                throw new SiteJoinStepException("cluster " + cluster + " does not exist on " + site + "; create it, or "
                        + "ask for it to be created (createCluster in the request, --create-cluster, "
                        + "gis.site-join.create-cluster=true)");
            }
            site.createCluster(cluster);
            created = "created cluster " + cluster + ", then ";
        }
        site.addToCluster(cluster, name);
        return Completion.done(created + "added " + name + " to cluster " + cluster);
    }

    private void perform(SiteJoinRun run, Step step, StepRunner.StepWork work) {
        steps.perform(run, step, work);
    }

    private SiteJoinRequest configuredRequest() {
        return SiteJoinRequest.of(settings.machine().orElseThrow(() -> new InvalidSiteJoinRequestException(
                "no machine given: name one (--machine, a request's \"machine\") or set gis.site-join.machine-url")));
    }

    /** Admin URLs name the same machine when they differ only in case, default port or a trailing slash. */
    static boolean sameUrl(String listed, URI machineAdmin) {
        try {
            return normalized(URI.create(listed.trim())).equals(normalized(machineAdmin));
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }

    private static String normalized(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port + path;
    }
}
