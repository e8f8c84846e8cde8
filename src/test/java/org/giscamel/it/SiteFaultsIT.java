package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Fault;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.giscamel.it.SiteLab.NODE2;
import static org.giscamel.it.SiteLab.NODE3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fault in each step of the create, leave and reconcile flows, through the packaged jar: a 503 or dropped
 * connections that outlast the retries, an error envelope, a machine that does not come back or never reaches
 * STOPPED. Each run exits 1 naming the step, leaves a report that names it, and the next run, the fault gone,
 * completes the work.
 */
class SiteFaultsIT {

    @TempDir
    Path dir;

    /** Something done to the lab: a set-up, a fault armed, a fault removed. */
    @FunctionalInterface
    interface LabStep {
        void on(SiteLab lab) throws Exception;
    }

    /** What the flow's work is, checked after the rerun. */
    @FunctionalInterface
    interface Done {
        boolean in(SiteLab lab);
    }

    private record Case(String command, String flow, boolean siteCreated, LabStep setUp, LabStep fault, LabStep cure,
                        List<String> flags, String step, String reason, Done done) {

        List<String> args(SiteLab lab) {
            return switch (command) {
                case "create-site" -> List.of("create-site");
                case "leave-site" -> List.of("leave-site", "--machine", lab.arcgis.freshMachineUrl(1));
                default -> List.of("reconcile-site", "--declaration", lab.dir.resolve("site.yaml").toString());
            };
        }
    }

    private static final LabStep NOTHING = lab -> { };
    private static final LabStep CLEAR = lab -> lab.arcgis.faults().clear();
    private static final LabStep THREE_MACHINES = lab -> {
        lab.joined(0, "default");
        lab.joined(1, "default");
    };
    private static final LabStep NEVER_STOPPED = lab -> lab.arcgis.config().machineStopDelay = Duration.ofHours(1);
    private static final LabStep STOPS = lab -> lab.arcgis.config().machineStopDelay = Duration.ZERO;
    private static final Done SITE_EXISTS = lab -> lab.arcgis.site().exists();
    private static final Done NODE3_GONE = lab -> !lab.member(NODE3) && lab.member(NODE2);
    private static final Done BOTH_JOINED = lab -> lab.member(NODE2) && lab.member(NODE3);

    private static LabStep arm(Fault fault, String path, int times) {
        return lab -> lab.arcgis.faults().arm(fault, path, times);
    }

    private static LabStep declare(boolean removeUndeclared, int... fresh) {
        return lab -> lab.declare(removeUndeclared, fresh);
    }

    private static LabStep both(LabStep first, LabStep second) {
        return lab -> {
            first.on(lab);
            second.on(lab);
        };
    }

    static Stream<Arguments> faults() {
        List<String> none = List.of();
        List<String> stopDeadline = List.of("-Dgis.site-leave.stop-deadline=500ms");
        return Stream.of(
                new Case("create-site", "site-create", false, NOTHING, arm(Fault.HTTP_503, "/admin$", -1), CLEAR, none,
                        "check-site", "HTTP 503", SITE_EXISTS),
                new Case("create-site", "site-create", false, NOTHING, arm(Fault.ERROR_ENVELOPE, "/admin/createNewSite$", 1),
                        NOTHING, none, "create-site", "The operation failed (injected)", SITE_EXISTS),
                // The next run meets the rest of the restart window in its first check, and waits it out by retrying.
                new Case("create-site", "site-create", false, NOTHING,
                        lab -> lab.arcgis.config().createRestartWindow = Duration.ofSeconds(2), NOTHING,
                        List.of("-Dgis.site-create.restart-deadline=300ms", "-Dgis.retry.max-retries=20",
                                "-Dgis.retry.initial-delay=300ms", "-Dgis.retry.max-delay=300ms"),
                        "wait-for-restart", "gave up waiting", SITE_EXISTS),
                new Case("create-site", "site-create", false, NOTHING, arm(Fault.CONNECTION_RESET, "/admin/machines$", -1),
                        CLEAR, none, "verify-with-token", "list the site's machines failed", SITE_EXISTS),
                new Case("leave-site", "site-leave", true, THREE_MACHINES, arm(Fault.CONNECTION_RESET, "/admin/machines$", -1),
                        CLEAR, none, "check-membership", "list the site's machines failed", NODE3_GONE),
                new Case("leave-site", "site-leave", true, THREE_MACHINES, arm(Fault.HTTP_503, "/admin/clusters$", -1),
                        CLEAR, none, "check-guards", "HTTP 503", NODE3_GONE),
                new Case("leave-site", "site-leave", true, THREE_MACHINES, NEVER_STOPPED, STOPS, stopDeadline,
                        "stop-machine", "to reach STOPPED after 500ms", NODE3_GONE),
                new Case("leave-site", "site-leave", true, THREE_MACHINES,
                        arm(Fault.ERROR_ENVELOPE, "/clusters/default/machines/remove$", 1), NOTHING, none,
                        "remove-from-cluster", "The operation failed (injected)", NODE3_GONE),
                new Case("leave-site", "site-leave", true, THREE_MACHINES, arm(Fault.HTTP_503, "/unregister$", -1),
                        CLEAR, none, "unregister", "HTTP 503", NODE3_GONE),
                new Case("reconcile-site", "site-reconcile", true, declare(false, 0, 1),
                        arm(Fault.HTTP_503, "/admin/clusters$", -1), CLEAR, none, "read-site", "HTTP 503", BOTH_JOINED),
                new Case("reconcile-site", "site-reconcile", true, declare(false, 0, 1),
                        arm(Fault.CONNECTION_RESET, "/admin/joinSite$", -1), CLEAR, none, "apply",
                        "failed at step 'join-site'", BOTH_JOINED),
                new Case("reconcile-site", "site-reconcile", true, both(THREE_MACHINES, declare(true, 0)), NEVER_STOPPED,
                        STOPS, stopDeadline, "apply", "leave " + NODE3 + " failed at step 'stop-machine'", NODE3_GONE)
        ).map(c -> Arguments.of(c.command() + " / " + c.step() + " / " + c.reason(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultFailsItsStepWithAReportNamingItAndTheNextRunCompletesTheWork(String name, Case fault) throws Exception {
        try (SiteLab lab = SiteLab.start(dir, fault.siteCreated())) {
            fault.setUp().on(lab);
            fault.fault().on(lab);
            String[] args = fault.args(lab).toArray(String[]::new);

            JarProcess failed = lab.run(fault.flags(), args);

            assertEquals(1, failed.exitCode(), failed.output());
            String line = fault.command() + " failed at step '" + fault.step() + "'";
            assertTrue(failed.output().contains(line), "expected '" + line + "' in: " + failed.output());
            assertTrue(failed.output().contains(fault.reason()), failed.output());
            JsonNode report = lab.newestReport(fault.flow()).orElseThrow();
            assertEquals("failed", report.path("outcome").asText(), report::toString);
            assertEquals(fault.step(), report.path("failedStep").asText(), report::toString);
            if (!fault.command().equals("create-site")) {
                // (a create that fails after createNewSite has made the site; its next run only checks it)
                assertFalse(fault.done().in(lab), "the work is not done yet");
            }

            fault.cure().on(lab);
            JarProcess rerun = lab.run(fault.flags(), args);

            assertEquals(0, rerun.exitCode(), rerun.output());
            assertTrue(fault.done().in(lab), rerun.output());
            assertTrue(Set.of("done", "already-done").contains(
                    lab.newestReport(fault.flow()).orElseThrow().path("outcome").asText()), rerun.output());
        }
    }
}
