package org.giscamel.sitejoin;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.spi.Registry;
import org.giscamel.reply.GisServerException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of {@code routes/site-leave.camel.yaml} (bean {@code siteLeave}): take a machine out of the site of
 * {@code gis.arcgis.url} safely. Stop it and wait until it is STOPPED, remove it from its cluster, unregister it;
 * before anything, the guards of {@link LeaveGuards}. Every step first looks at the current state, so a run after a
 * partial one finishes the work, and a machine that is gone already is reported already-done.
 */
public final class SiteLeaveSteps {

    /** Header set by {@link #writeReport}: where the report was written. */
    public static final String REPORT_FILE_HEADER = "GisSiteLeaveReportFile";
    /** Header that forces the leave past the only-started-machine guard (the Kamelet's {@code force}). */
    public static final String FORCE_HEADER = "GisSiteLeaveForce";

    private final SiteLeaveSettings settings;
    private final SiteJoinSettings timing;
    private final Registry registry;
    private final Waiting waiting;
    private final StepRunner steps;

    /** @param timing the join's poll interval and call timeout, which the leave's waits and calls use too */
    SiteLeaveSteps(SiteLeaveSettings settings, SiteJoinSettings timing, Registry registry, Waiting waiting,
                   StepRunner steps) {
        this.settings = settings;
        this.timing = timing;
        this.registry = registry;
        this.waiting = waiting;
        this.steps = steps;
    }

    /**
     * Reads the request from the body: a {@link SiteLeaveRequest} or its JSON text (a request file). The header
     * {@value #FORCE_HEADER} set to true forces it. Checks it before anything is sent to a server.
     */
    public void readRequest(Exchange exchange) {
        SiteLeaveRun run = new SiteLeaveRun(SiteLeaveRun.newReport(steps.now()));
        exchange.setProperty(SiteLeaveRun.PROPERTY, run);
        Object body = exchange.getMessage().getBody();
        boolean forceHeader = Boolean.TRUE.equals(exchange.getMessage().getHeader(FORCE_HEADER, Boolean.class));
        steps.perform(run, LeaveStep.READ_REQUEST, attempt -> {
            if (body == null) {
                throw new InvalidSiteJoinRequestException("no machine given: name the machine that leaves (--machine, "
                        + "--machine-name, a request's \"machine\" or \"machineName\")");
            }
            SiteLeaveRequest parsed = body instanceof SiteLeaveRequest given ? given
                    : SiteLeaveRequest.parse(exchange.getMessage().getBody(String.class));
            SiteLeaveRequest request = forceHeader ? parsed.forced() : parsed;
            SiteAccess access = SiteAccess.from(registry, "the site to leave");
            run.begin(request, access.siteAdmin(timing.callTimeout()), access.machine(access.siteRoot()),
                    request.machine().map(access::machine).orElse(null));
            return Completion.done("remove " + run.label() + " from " + access.siteRoot() + (request.force() ? " (forced)" : ""));
        });
    }

    /**
     * Step 1: is the machine one of the site's? The site's credentials are checked here too. A machine that is not
     * is gone already, and every later step reports already-done.
     */
    public void checkMembership(@ExchangeProperty(SiteLeaveRun.PROPERTY) SiteLeaveRun run) {
        steps.perform(run, LeaveStep.CHECK_MEMBERSHIP, attempt -> {
            SiteAdmin site = run.site();
            List<SiteAdmin.Machine> machines = site.machines();
            Optional<String> name = member(run, machines);
            if (name.isEmpty()) {
                run.gone();
                return Completion.done(run.label() + " is not a machine of " + site + " (" + machines.size()
                        + " machines); nothing to remove");
            }
            run.found(name.get());
            return Completion.done(name.get() + " is one of the " + machines.size() + " machines of " + site);
        });
    }

    /** Step 2: the guards: not the last machine, not the machine the flow talks to, not the only started one. */
    public void checkGuards(@ExchangeProperty(SiteLeaveRun.PROPERTY) SiteLeaveRun run) {
        steps.perform(run, LeaveStep.CHECK_GUARDS, attempt -> {
            if (run.isGone()) {
                return Completion.skipped("the machine is not in the site");
            }
            SiteAdmin site = run.site();
            String name = run.machineName();
            List<SiteAdmin.Machine> machines = site.machines();
            List<SiteAdmin.Cluster> clusters = site.clusters();
            Optional<SiteAdmin.Cluster> cluster = clusters.stream().filter(c -> c.has(name)).findFirst();
            cluster.ifPresent(c -> run.cluster(c.name()));
            List<String> group = cluster.map(SiteAdmin.Cluster::machineNames)
                    .orElseGet(() -> machines.stream().map(SiteAdmin.Machine::name).toList());
            Map<String, SiteAdmin.MachineStatus> statuses = new LinkedHashMap<>();
            group.forEach(member -> statuses.put(member, site.status(member)));
            LeaveGuards.Verdict verdict = LeaveGuards.check(name, machines, clusters, statuses,
                    flowMachines(run, machines), run.request().force());
            if (verdict.refusal().isPresent()) {
                throw new SiteJoinStepException(verdict.refusal().get());
            }
            return Completion.done(verdict.detail());
        });
    }

    /** Step 3: stop the machine, then poll its status until realTimeState is STOPPED, with a deadline. */
    public void stopMachine(@ExchangeProperty(SiteLeaveRun.PROPERTY) SiteLeaveRun run) {
        steps.perform(run, LeaveStep.STOP_MACHINE, attempt -> {
            if (run.isGone()) {
                return Completion.alreadyDone("the machine is not in the site");
            }
            SiteAdmin site = run.site();
            String name = run.machineName();
            SiteAdmin.MachineStatus status = site.status(name);
            if (status.stopped()) {
                return Completion.alreadyDone(name + " is already STOPPED");
            }
            if (!status.stopAsked()) {
                site.stop(name);
            }
            waiting.until(name + " to reach STOPPED", Duration.ZERO, timing.pollInterval(), settings.stopDeadline(), () -> {
                try {
                    SiteAdmin.MachineStatus now = site.status(name);
                    return now.stopped() ? Waiting.Poll.ready(true) : Waiting.Poll.notYet("realTimeState " + now.realTimeState());
                } catch (GisServerException notAnswering) {
                    return Waiting.Poll.notYet(notAnswering.getMessage());
                }
            });
            return Completion.done(name + " is STOPPED");
        });
    }

    /** Step 4: clusters/<c>/machines/remove; a site without clusters skips it. */
    public void removeFromCluster(@ExchangeProperty(SiteLeaveRun.PROPERTY) SiteLeaveRun run) {
        steps.perform(run, LeaveStep.REMOVE_FROM_CLUSTER, attempt -> {
            if (run.isGone()) {
                return Completion.alreadyDone("the machine is not in the site");
            }
            String name = run.machineName();
            List<SiteAdmin.Cluster> clusters = run.site().clusters();
            if (clusters.isEmpty()) {
                return Completion.skipped("the site has no clusters (they are deprecated from ArcGIS Server "
                        + ServerVersion.CLUSTERS_DEPRECATED + ")");
            }
            Optional<SiteAdmin.Cluster> cluster = clusters.stream().filter(c -> c.has(name)).findFirst();
            if (cluster.isEmpty()) {
                return Completion.alreadyDone(name + " is in no cluster");
            }
            run.site().removeFromCluster(cluster.get().name(), name);
            return Completion.done("removed " + name + " from cluster " + cluster.get().name());
        });
    }

    /** Step 5: machines/<m>/unregister, unless the site no longer lists the machine. */
    public void unregister(@ExchangeProperty(SiteLeaveRun.PROPERTY) SiteLeaveRun run) {
        steps.perform(run, LeaveStep.UNREGISTER, attempt -> {
            if (run.isGone()) {
                run.report().headline(run.label() + " is not in site " + run.site());
                return Completion.alreadyDone("the machine is not in the site");
            }
            SiteAdmin site = run.site();
            String name = run.machineName();
            if (site.machines().stream().noneMatch(m -> m.name().equalsIgnoreCase(name))) {
                run.report().headline(name + " left site " + site);
                return Completion.alreadyDone(name + " is no longer a machine of the site");
            }
            site.unregister(name);
            int left = site.machines().size();
            run.report().headline(name + " left site " + site + ", which has " + left + " machine" + (left == 1 ? "" : "s"));
            return Completion.done("unregistered " + name + "; the site has " + left + " machine" + (left == 1 ? "" : "s"));
        });
    }

    /** Step 6: writes the report to {@code gis.site-leave.report-dir}; the body becomes the report's JSON. */
    public void writeReport(Exchange exchange) {
        SiteLeaveRun run = exchange.getProperty(SiteLeaveRun.PROPERTY, SiteLeaveRun.class);
        Path file = steps.finish(run);
        exchange.getMessage().setBody(run.report().toJsonText());
        exchange.getMessage().setHeader(REPORT_FILE_HEADER, file.toString());
    }

    /**
     * The machine's name among the site's machines: by name, or by its admin URL. A site root the site lists under
     * another spelling is asked for its name with the site's token; one that does not answer is taken as gone.
     */
    private static Optional<String> member(SiteLeaveRun run, List<SiteAdmin.Machine> machines) {
        SiteLeaveRequest request = run.request();
        if (request.machineName().isPresent()) {
            String wanted = request.machineName().get();
            return machines.stream().map(SiteAdmin.Machine::name).filter(wanted::equalsIgnoreCase).findFirst();
        }
        MachineAdmin leaving = run.leavingMachine();
        try {
            return leaving.memberName(machines, run.site().token());
        } catch (GisServerException notAnswering) {
            // Not listed at its URL, and it does not answer to give its name: not found.
            return Optional.empty();
        }
    }

    /** The machines at gis.arcgis.url: as the site lists its admin URL, and as its admin/local names it. */
    private static Set<String> flowMachines(SiteLeaveRun run, List<SiteAdmin.Machine> machines) {
        Set<String> names = new LinkedHashSet<>();
        machines.stream().filter(m -> SiteJoinSteps.sameUrl(m.adminUrl(), run.site().adminUrl()))
                .forEach(m -> names.add(m.name()));
        run.flowMachine().nameWith(run.site().token()).ifPresent(names::add);
        return names;
    }
}
