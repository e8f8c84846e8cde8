package org.giscamel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.giscamel.it.SiteLab.NODE3;
import static org.giscamel.it.SiteLab.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leave's guards through the packaged jar: each refuses with exit 1 and names itself; only one yields to --force. */
class SiteGuardsIT {

    @TempDir
    Path dir;

    @Test
    void theSitesLastMachineNeverLeavesEvenForced() throws Exception {
        try (SiteLab lab = SiteLab.start(dir, true)) {
            JarProcess app = lab.run("leave-site", "--machine-name", SITE, "--force");

            assertEquals(1, app.exitCode(), app.output());
            assertTrue(app.output().contains("leave-site failed at step 'check-guards': " + SITE
                    + " is the site's last machine"), app.output());
            assertTrue(lab.member(SITE));
            assertEquals(0, lab.arcgis.requests().count("POST", ".*/admin/machines/.*"));
        }
    }

    @Test
    void theMachineTheFlowTalksToNeverLeavesEvenForced() throws Exception {
        try (SiteLab lab = SiteLab.start(dir, true)) {
            lab.joined(0, "default");

            JarProcess app = lab.run("leave-site", "--machine", lab.arcgis.siteUrl(), "--force");

            assertEquals(1, app.exitCode(), app.output());
            assertTrue(app.output().contains("leave-site failed at step 'check-guards': " + SITE
                    + " is the machine this flow talks to (gis.arcgis.url)"), app.output());
            assertTrue(lab.member(SITE));
        }
    }

    @Test
    void theOnlyStartedMachineOfAClusterLeavesOnlyWithForce() throws Exception {
        try (SiteLab lab = SiteLab.start(dir, true)) {
            lab.joined(0, "default");
            lab.joined(1, "maps");

            JarProcess guarded = lab.run("leave-site", "--machine", lab.arcgis.freshMachineUrl(1));
            assertEquals(1, guarded.exitCode(), guarded.output());
            assertTrue(guarded.output().contains("leave-site failed at step 'check-guards': " + NODE3
                    + " is the only started machine of cluster maps"), guarded.output());
            assertTrue(lab.member(NODE3));
            assertEquals("failed", lab.newestReport("site-leave").orElseThrow().path("outcome").asText());

            JarProcess forced = lab.run("leave-site", "--machine", lab.arcgis.freshMachineUrl(1), "--force");
            assertEquals(0, forced.exitCode(), forced.output());
            assertFalse(lab.member(NODE3));
        }
    }

    @Test
    void aLeaveNamingNoMachineIsAUsageError() throws Exception {
        try (SiteLab lab = SiteLab.start(dir, true)) {
            JarProcess app = lab.run("leave-site", "--force");

            assertEquals(2, app.exitCode(), app.output());
            assertTrue(app.output().contains("Usage: java -jar gis-camel-routes.jar leave-site"), app.output());
        }
    }
}
