package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.giscamel.sitejoin.SiteJoinWorld.NODE;
import static org.giscamel.sitejoin.SiteJoinWorld.NODE3;
import static org.giscamel.sitejoin.SiteJoinWorld.SITE_MACHINE;
import static org.giscamel.sitejoin.SiteJoinWorld.assertFailedAt;
import static org.giscamel.sitejoin.SiteJoinWorld.assertOutcome;
import static org.giscamel.sitejoin.SiteJoinWorld.reportFile;
import static org.giscamel.sitejoin.SiteJoinWorld.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconcile against the ArcGIS emulator: a site of one machine declared with three. */
class SiteReconcileChainTest {

    @TempDir
    Path dir;
    private SiteJoinWorld world;
    private Path declaration;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    private void start(ArcGisEmulatorConfig config, Map<String, String> properties) throws Exception {
        // The configuration names an existing file; each test writes its declaration once the machines listen.
        declaration = Files.writeString(dir.resolve("site.yaml"), "# declared by the test\n");
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.putIfAbsent("gis.site.declaration", declaration.toString());
        world = SiteJoinWorld.start(config, dir, all, SiteJoinWorld.ALL_CHAINS);
    }

    private void start() throws Exception {
        start(SiteJoinWorld.twoFreshMachines(), Map.of());
    }

    /** The site machine, and the fresh machines whose indexes are given, in cluster default. */
    private void declare(boolean removeUndeclared, int... fresh) throws Exception {
        StringBuilder yaml = new StringBuilder("removeUndeclared: " + removeUndeclared + "\nmachines:\n");
        yaml.append("  - adminUrl: \"{{gis.arcgis.url}}/admin\"\n    cluster: default\n");
        for (int index : fresh) {
            yaml.append("  - adminUrl: ").append(world.arcgis.freshMachineUrl(index)).append("/admin\n    cluster: default\n");
        }
        Files.writeString(declaration, yaml);
    }

    private Exchange reconcile(boolean dryRun) {
        return world.camel.producer().send("direct:site-reconcile", exchange -> {
            exchange.getMessage().setBody(null);
            exchange.getMessage().setHeader(SiteReconcileSteps.DRY_RUN, dryRun);
        });
    }

    private static List<String> plan(Exchange result, String field) throws Exception {
        return reportFile(result).path("plan").findValuesAsText(field);
    }

    @Test
    void aSiteOfOneMachineDeclaredWithThreeJoinsTheOtherTwoThenIsAsDeclared() throws Exception {
        start();
        declare(false, 0, 1);

        Exchange first = reconcile(false);
        Exchange second = reconcile(false);

        assertOutcome(first, SiteReport.Outcome.DONE);
        assertEquals(List.of("join", "join", "unchanged"), plan(first, "action"));
        assertEquals(List.of("done", "done", "nothing-to-do"), plan(first, "outcome"));
        JsonNode joinReport = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Files.readString(Path.of(reportFile(first).path("plan").get(0).path("report").asText())));
        assertEquals("site-join", joinReport.path("flow").asText());
        for (String machine : List.of(NODE, NODE3)) {
            assertEquals("default", world.arcgis.site().machine(machine).orElseThrow().clusterName());
            assertEquals("STARTED", world.arcgis.site().machine(machine).orElseThrow().realTimeState());
        }
        assertOutcome(second, SiteReport.Outcome.ALREADY_DONE);
        assertEquals(List.of("unchanged", "unchanged", "unchanged"), plan(second, "action"));
        assertEquals(StepOutcome.ALREADY_DONE, step(second, ReconcileStep.APPLY).outcome());
        assertEquals(2, world.count("POST", ".*/admin/joinSite"));
    }

    @Test
    void onlyTheNewestReportsAreKept() throws Exception {
        start(SiteJoinWorld.twoFreshMachines(), Map.of("gis.site.reports-kept", "2"));
        declare(false);
        Path reports = dir.resolve("site-reconcile").resolve("reports");
        Files.createDirectories(reports);
        Path other = Files.writeString(reports.resolve("notes.json"), "{}");

        List<Path> written = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            written.add(Path.of(reconcile(false).getMessage().getHeader(SiteReconcileSteps.REPORT_FILE_HEADER, String.class)));
        }

        try (var files = Files.list(reports)) {
            assertEquals(java.util.Set.of(written.get(2), written.get(3), other),
                    java.util.Set.copyOf(files.map(Path::toAbsolutePath).toList()));
        }
    }

    @Test
    void aDryRunReportsThePlanAndChangesNothing() throws Exception {
        start();
        declare(false, 0, 1);

        Exchange result = reconcile(true);

        assertOutcome(result, SiteReport.Outcome.PLANNED);
        assertEquals(List.of("planned", "planned", "nothing-to-do"), plan(result, "outcome"));
        assertEquals("true", reportFile(result).path("dryRun").asText());
        assertEquals(StepOutcome.SKIPPED, step(result, ReconcileStep.APPLY).outcome());
        assertEquals(0, world.count("POST", ".*/admin/(?!generateToken$).+"), "only reads and a token");
    }

    @Test
    void anUndeclaredMachineLeavesOnlyWhenTheDeclarationSaysRemoveUndeclared() throws Exception {
        start();
        declare(false, 0, 1);
        assertOutcome(reconcile(false), SiteReport.Outcome.DONE);
        declare(false, 0);

        Exchange kept = reconcile(false);
        declare(true, 0);
        Exchange removed = reconcile(false);

        assertOutcome(kept, SiteReport.Outcome.ALREADY_DONE);
        assertEquals(List.of("unchanged", "unchanged", "keep"), plan(kept, "action"));
        assertOutcome(removed, SiteReport.Outcome.DONE);
        assertEquals(List.of("leave", "unchanged", "unchanged"), plan(removed, "action"));
        assertFalse(world.arcgis.site().isMember(NODE3));
        assertTrue(world.arcgis.site().isMember(NODE));
    }

    @Test
    void aStoppedMachineIsStartedAndOneInNoClusterIsAddedThroughTheJoinChain() throws Exception {
        start();
        declare(false, 0, 1);
        assertOutcome(reconcile(false), SiteReport.Outcome.DONE);
        world.arcgis.config().machineStopDelay = java.time.Duration.ZERO;
        assertOutcome(world.leave(SiteLeaveRequest.named(NODE3, false)), SiteReport.Outcome.DONE);
        assertOutcome(world.joinFresh(1, ""), SiteReport.Outcome.DONE);
        world.arcgis.site().removeFromCluster("default", List.of(NODE3));

        Exchange result = reconcile(false);

        assertOutcome(result, SiteReport.Outcome.DONE);
        assertEquals(List.of("add-to-cluster", "unchanged", "unchanged"), plan(result, "action"));
        assertEquals("default", world.arcgis.site().machine(NODE3).orElseThrow().clusterName());
        assertEquals("STARTED", world.arcgis.site().machine(NODE3).orElseThrow().realTimeState());
    }

    @Test
    void aJoinThatFailsStopsTheReconcileNamesItsStepAndTheNextReconcileFinishes() throws Exception {
        start();
        declare(false, 0, 1);
        world.arcgis.faults().arm(Fault.ERROR_ENVELOPE, "/admin/joinSite$", 1);

        Exchange first = reconcile(false);
        Exchange second = reconcile(false);

        assertFailedAt(first, ReconcileStep.APPLY, "join " + world.arcgis.freshMachineUrl(0) + "/admin failed at step 'join-site'");
        JsonNode failedItem = reportFile(first).path("plan").get(0);
        assertEquals("failed", failedItem.path("outcome").asText());
        assertEquals("join-site", failedItem.path("failedStep").asText());
        assertEquals("not-reached", reportFile(first).path("plan").get(1).path("outcome").asText());
        assertOutcome(second, SiteReport.Outcome.DONE);
        assertTrue(world.arcgis.site().isMember(NODE) && world.arcgis.site().isMember(NODE3));
    }

    @Test
    void aSiteThatCannotBeReadFailsThatStepAndPlansNothing() throws Exception {
        start();
        declare(false, 0, 1);
        world.arcgis.faults().arm(Fault.HTTP_503, "/admin/clusters$", -1);

        Exchange result = reconcile(false);

        assertFailedAt(result, ReconcileStep.READ_SITE, "HTTP 503");
        assertEquals(0, world.count("POST", ".*/admin/joinSite"));
    }

    @Test
    void aBrokenDeclarationFailsItsReadingBeforeAnyServerIsCalled() throws Exception {
        start();
        Files.writeString(declaration, "machines:\n  - adminUrl: http://node9:6080/arcgis\n");

        Exchange result = reconcile(false);

        assertFailedAt(result, ReconcileStep.READ_DECLARATION, "machines[1].adminUrl must be the machine's admin URL");
        assertEquals(0, world.count(null, ".*"));
    }

    @Test
    void aPlaceholderThatIsNotSetFailsTheReading() throws Exception {
        start();
        Files.writeString(declaration, "machines:\n  - adminUrl: \"{{gis.no-such.key}}/admin\"\n");

        Exchange result = reconcile(false);

        assertFailedAt(result, ReconcileStep.READ_DECLARATION, "names a property that is not set");
    }

    @Test
    void withoutADeclarationTheReconcileSaysWhichKeyToSet() throws Exception {
        start(SiteJoinWorld.twoFreshMachines(), Map.of("gis.site.declaration", ""));

        Exchange result = reconcile(false);

        assertFailedAt(result, ReconcileStep.READ_DECLARATION, "set gis.site.declaration");
    }

    @Test
    void aMachineInAnotherClusterThanDeclaredIsReportedAndTheRestIsApplied() throws Exception {
        start();
        assertOutcome(world.join(new SiteJoinRequest(java.net.URI.create(world.arcgis.freshMachineUrl(0)),
                java.util.Optional.of("maps"), java.util.Optional.of(true))), SiteReport.Outcome.DONE);
        declare(false, 0, 1);

        Exchange result = reconcile(false);

        assertFailedAt(result, ReconcileStep.APPLY, NODE + " is in cluster maps, declared in default");
        assertEquals(List.of("join", "unchanged", "conflict"), plan(result, "action"));
        assertEquals(List.of("done", "nothing-to-do", "failed"), plan(result, "outcome"));
        assertTrue(world.arcgis.site().isMember(NODE3));
        assertEquals(SITE_MACHINE, world.arcgis.site().machines().get(0).machineName());
    }
}
