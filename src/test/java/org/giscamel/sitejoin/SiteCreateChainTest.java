package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisVariants;
import org.giscamel.emulator.http.Fault;
import org.giscamel.http.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.giscamel.sitejoin.SiteJoinWorld.SITE_MACHINE;
import static org.giscamel.sitejoin.SiteJoinWorld.anyRun;
import static org.giscamel.sitejoin.SiteJoinWorld.assertFailedAt;
import static org.giscamel.sitejoin.SiteJoinWorld.assertOutcome;
import static org.giscamel.sitejoin.SiteJoinWorld.reportFile;
import static org.giscamel.sitejoin.SiteJoinWorld.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The create chain against the ArcGIS emulator's first machine, in no site until createNewSite. */
class SiteCreateChainTest {

    @TempDir
    Path dir;
    private SiteJoinWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static ArcGisEmulatorConfig noSiteYet() {
        ArcGisEmulatorConfig config = SiteJoinWorld.fastEmulator();
        config.siteCreated = false;
        return config;
    }

    private void start(ArcGisEmulatorConfig config, Map<String, String> properties) throws Exception {
        world = SiteJoinWorld.start(config, dir, properties, List.of(SiteJoinWorld.CREATE));
    }

    @Test
    void theSiteIsCreatedOnTheMachineWaitedForAndVerifiedWithAToken() throws Exception {
        start(noSiteYet(), Map.of());

        Exchange result = world.create(null);

        assertOutcome(result, SiteReport.Outcome.DONE);
        assertTrue(world.arcgis.site().exists());
        assertEquals(List.of(SITE_MACHINE), world.arcgis.site().cluster("default").orElseThrow().machineNames());
        JsonNode report = reportFile(result);
        assertEquals("site-create", report.path("flow").asText());
        assertEquals(SITE_MACHINE, report.path("machineName").asText());
        assertEquals("/gisdata/arcgisserver/config-store", report.path("configStore").asText());
        assertEquals(List.of("read-request", "check-site", "create-site", "wait-for-restart", "verify-with-token"),
                report.path("steps").findValuesAsText("step"));
        assertEquals(1, world.count("POST", ".*/admin/createNewSite"));
        assertTrue(Files.isRegularFile(Path.of(result.getMessage().getHeader(SiteCreateSteps.REPORT_FILE_HEADER, String.class))));
    }

    @Test
    void aSecondRunFindsTheSiteAndReportsAlreadyDoneWithoutCreatingAgain() throws Exception {
        start(noSiteYet(), Map.of());
        assertOutcome(world.create(null), SiteReport.Outcome.DONE);

        Exchange second = world.create(null);

        assertOutcome(second, SiteReport.Outcome.ALREADY_DONE);
        assertEquals(StepOutcome.ALREADY_DONE, step(second, CreateStep.CREATE_SITE).outcome());
        assertEquals(StepOutcome.ALREADY_DONE, step(second, CreateStep.WAIT_FOR_RESTART).outcome());
        assertEquals(1, world.count("POST", ".*/admin/createNewSite"));
    }

    /** Whether createNewSite says pollAfter and how the machine is away while it restarts are unsourced. */
    @ParameterizedTest
    @CsvSource({"NONE, HTTP_503", "NONE, CONNECTION_DROP", "SECONDS, HTTP_503", "SECONDS, CONNECTION_DROP"})
    void theRestartIsWaitedOutWhateverTheReplySaysAndHoweverTheMachineIsAway(ArcGisVariants.CreateSitePollAfter pollAfter,
                                                                              ArcGisVariants.RestartWindow window) throws Exception {
        ArcGisEmulatorConfig config = noSiteYet();
        config.variants.createSitePollAfter = pollAfter;
        config.variants.restartWindow = window;
        config.createPollAfterSeconds = 1;
        start(config, Map.of());

        Exchange result = world.create(null);

        assertOutcome(result, SiteReport.Outcome.DONE);
        assertTrue(step(result, CreateStep.CREATE_SITE).detail().contains(
                "pollAfter " + (pollAfter == ArcGisVariants.CreateSitePollAfter.SECONDS ? 1 : 0) + " s"));
    }

    @Test
    void theRequestsMachineAndFoldersWinOverTheConfiguredOnes() throws Exception {
        start(noSiteYet(), Map.of("gis.arcgis.url", "http://127.0.0.1:1/arcgis"));

        Exchange result = world.create("{\"machine\":\"" + world.arcgis.siteUrl() + "\",\"configStore\":\"D:\\\\store\","
                + "\"directoriesRoot\":\"D:\\\\dirs\"}");

        assertOutcome(result, SiteReport.Outcome.DONE);
        assertEquals("D:\\store", reportFile(result).path("configStore").asText());
    }

    @Test
    void withoutAConfigurationStoreTheRequestFailsBeforeAnyServerIsCalled() throws Exception {
        start(noSiteYet(), Map.of("gis.site-create.config-store", ""));

        Exchange result = world.create(null);

        assertFailedAt(result, CreateStep.READ_REQUEST, "gis.site-create.config-store");
        assertEquals(0, world.count(null, ".*"));
    }

    @Test
    void aSiteThatRefusesTheCredentialsFailsTheCheckAndShowsThePasswordNowhere() throws Exception {
        String wrong = "not-the-password-4711";
        try (LogCapture logs = LogCapture.debug("org.giscamel")) {
            start(SiteJoinWorld.fastEmulator(), Map.of("gis.arcgis.password", wrong));

            Exchange result = world.create(null);

            assertFailedAt(result, CreateStep.CHECK_SITE, "Invalid username or password");
            assertEquals(0, world.count("POST", ".*/admin/createNewSite"));
            assertFalse(logs.text().contains(wrong));
            assertFalse(Files.readString(anyRun(result).reportFile().orElseThrow()).contains(wrong));
        }
    }

    @Test
    void anErrorEnvelopeFromCreateNewSiteFailsItsStepAtOnceWithTheServersWords() throws Exception {
        start(noSiteYet(), Map.of());
        world.arcgis.faults().arm(Fault.ERROR_ENVELOPE, "/admin/createNewSite$", 1);

        Exchange result = world.create(null);

        assertFailedAt(result, CreateStep.CREATE_SITE, "The operation failed (injected)");
        assertEquals(1, step(result, CreateStep.CREATE_SITE).attempts(), "a refusal is not retried");
        assertEquals(500, step(result, CreateStep.CREATE_SITE).server().orElseThrow().code());
        assertOutcome(world.create(null), SiteReport.Outcome.DONE);
    }

    @Test
    void aDroppedReplyToCreateNewSiteIsRetriedAfterCheckingThatTheSiteWasNotCreatedMeanwhile() throws Exception {
        start(noSiteYet(), Map.of());
        world.arcgis.faults().arm(Fault.HTTP_503, "/admin/createNewSite$", 1);

        Exchange result = world.create(null);

        assertOutcome(result, SiteReport.Outcome.DONE);
        assertEquals(2, step(result, CreateStep.CREATE_SITE).attempts());
        assertEquals(2, world.count("POST", ".*/admin/createNewSite"));
    }

    @Test
    void aMachineThatDoesNotComeBackFailsTheWaitAtItsDeadlineAndTheNextRunFinishes() throws Exception {
        ArcGisEmulatorConfig config = noSiteYet();
        config.createRestartWindow = Duration.ofMillis(1500);
        start(config, Map.of("gis.site-create.restart-deadline", "300ms", "gis.retry.max-retries", "10",
                "gis.retry.initial-delay", "300ms", "gis.retry.max-delay", "300ms"));

        Exchange first = world.create(null);
        Exchange second = world.create(null);

        assertFailedAt(first, CreateStep.WAIT_FOR_RESTART, "after 300ms (last seen: probe the machine's admin failed");
        assertOutcome(second, SiteReport.Outcome.ALREADY_DONE);
        assertEquals(SITE_MACHINE, reportFile(second).path("machineName").asText());
    }

    @Test
    void aSiteThatGivesATokenButCannotBeReadFailsTheVerification() throws Exception {
        start(noSiteYet(), Map.of());
        world.arcgis.faults().arm(Fault.ERROR_ENVELOPE, "/admin/machines$", 1);

        Exchange result = world.create(null);

        assertFailedAt(result, CreateStep.VERIFY_WITH_TOKEN, "list the site's machines failed");
        assertOutcome(world.create(null), SiteReport.Outcome.ALREADY_DONE);
    }
}
