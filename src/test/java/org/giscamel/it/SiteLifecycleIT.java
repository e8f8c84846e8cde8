package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.giscamel.it.SiteLab.NODE2;
import static org.giscamel.it.SiteLab.NODE3;
import static org.giscamel.it.SiteLab.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site's whole life through the packaged jar's commands: create it on a machine in no site, join two machines,
 * take one out, and let the declared site's reconcile bring it back and then find nothing to do.
 */
class SiteLifecycleIT {

    @TempDir
    Path dir;

    @Test
    void createJoinTwiceLeaveOnceThenReconcileConvergesAndARerunHasNoSteps() throws Exception {
        try (SiteLab lab = SiteLab.start(dir, false)) {
            JarProcess created = lab.run("create-site");
            assertEquals(0, created.exitCode(), created.output());
            assertTrue(created.output().contains("create-site done: site " + lab.arcgis.siteUrl() + " with " + SITE),
                    created.output());
            JarProcess createdAgain = lab.run("create-site");
            assertEquals(0, createdAgain.exitCode(), createdAgain.output());
            assertTrue(createdAgain.output().contains("create-site already-done: site "), createdAgain.output());
            assertFalse(created.output().contains(lab.arcgis.config().password), "no password in the output");

            for (int fresh = 0; fresh < 2; fresh++) {
                JarProcess joined = lab.run("join-site", "--machine", lab.arcgis.freshMachineUrl(fresh), "--cluster", "default");
                assertEquals(0, joined.exitCode(), joined.output());
            }
            assertEquals(List.of(SITE, NODE2, NODE3), lab.arcgis.site().cluster("default").orElseThrow().machineNames());

            JarProcess left = lab.run("leave-site", "--machine", lab.arcgis.freshMachineUrl(1));
            assertEquals(0, left.exitCode(), left.output());
            assertTrue(left.output().contains("leave-site done: " + NODE3 + " left site"), left.output());
            assertFalse(lab.member(NODE3));

            Path declaration = lab.declare(false, 0, 1);
            JarProcess dryRun = lab.run("reconcile-site", "--dry-run", "--declaration", declaration.toString());
            assertEquals(0, dryRun.exitCode(), dryRun.output());
            assertTrue(dryRun.output().matches("(?s).*join\\s+planned\\s+" + lab.arcgis.freshMachineUrl(1) + "/admin.*"),
                    dryRun.output());
            assertTrue(dryRun.output().contains("reconcile-site planned: dry run of"), dryRun.output());
            assertFalse(lab.member(NODE3), "a dry run changes nothing");

            JarProcess reconciled = lab.run("reconcile-site", "--declaration", declaration.toString());
            assertEquals(0, reconciled.exitCode(), reconciled.output());
            assertTrue(reconciled.output().matches("(?s).*join\\s+done\\s+" + lab.arcgis.freshMachineUrl(1) + "/admin.*"),
                    reconciled.output());
            assertEquals("STARTED", lab.arcgis.site().machine(NODE3).orElseThrow().realTimeState());
            assertEquals("default", lab.arcgis.site().machine(NODE3).orElseThrow().clusterName());

            JarProcess rerun = lab.run("reconcile-site", "--declaration", declaration.toString());
            assertEquals(0, rerun.exitCode(), rerun.output());
            assertTrue(rerun.output().contains("reconcile-site already-done: " + lab.arcgis.siteUrl() + " is as declared"),
                    rerun.output());
            JsonNode report = lab.newestReport("site-reconcile").orElseThrow();
            assertEquals(List.of("unchanged", "unchanged", "unchanged"), report.path("plan").findValuesAsText("action"));
            assertEquals(3, lab.arcgis.requests().count("POST", ".*/admin/joinSite"), "two join-site runs and one reconcile");
        }
    }

    @Test
    void aReconcileWithRemoveUndeclaredTakesAnUndeclaredMachineOut() throws Exception {
        try (SiteLab lab = SiteLab.start(dir, true)) {
            lab.joined(0, "default");
            lab.joined(1, "default");

            JarProcess reconciled = lab.run("reconcile-site", "--declaration", lab.declare(true, 0).toString());

            assertEquals(0, reconciled.exitCode(), reconciled.output());
            assertTrue(reconciled.output().matches("(?s).*leave\\s+done\\s+" + NODE3 + ".*"), reconciled.output());
            assertFalse(lab.member(NODE3));
            assertTrue(lab.member(NODE2));
            JsonNode leave = lab.newestReport("site-leave").orElseThrow();
            assertEquals("done", leave.path("outcome").asText(), leave::toString);
        }
    }
}
