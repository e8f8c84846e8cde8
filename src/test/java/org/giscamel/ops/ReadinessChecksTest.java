package org.giscamel.ops;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.giscamel.gp.GpBeans;
import org.giscamel.wiring.GisBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /observe/health/ready follows the servers and the job store; /observe/health/live does not. */
class ReadinessChecksTest {

    @TempDir
    Path dir;

    private Map<String, String> wiring(ArcGisEmulator arcgis, String arcgisPassword, IPortalEmulator portal) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gis.arcgis.url", arcgis.siteUrl());
        p.put("gis.arcgis.username", arcgis.config().username);
        p.put("gis.arcgis.password", arcgisPassword);
        p.put("gis.iportal.url", portal.url());
        p.put("gis.iportal.username", portal.config().user.username());
        p.put("gis.iportal.password", portal.config().user.password());
        p.put("gis.gp.data-dir", dir.toString());
        p.put("gis.observe.readiness-reuse", "0s");
        return p;
    }

    /** The portal alone: no ArcGIS check, no job store check. */
    private Map<String, String> portalWiring(IPortalEmulator portal, String password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gis.iportal.url", portal.url());
        p.put("gis.iportal.username", portal.config().user.username());
        p.put("gis.iportal.password", password);
        p.put("gis.observe.readiness-reuse", "0s");
        return p;
    }

    private static int ready(ObservedApp app) {
        return app.get("/observe/health/ready").statusCode();
    }

    @Test
    void aPortalThatStopsMakesTheApplicationNotReadyButLeavesItLive() throws Exception {
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults())) {
            IPortalEmulator portal = IPortalEmulator.start(IPortalEmulatorConfig.defaults());
            try (ObservedApp app = ObservedApp.start(List.of(new GisBeans(), new GpBeans(), new ObserveConfiguration()),
                    wiring(arcgis, arcgis.config().password, portal))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> ready(app) == 200);
                String ready = app.get("/observe/health/ready?exposureLevel=full").body();
                assertTrue(ready.contains("gis-arcgis") && ready.contains("gis-iportal")
                        && ready.contains("gis-gp-job-store"), ready);

                portal.close();

                await().atMost(Duration.ofSeconds(30)).until(() -> ready(app) == 503);
                assertEquals(200, app.get("/observe/health/live").statusCode());
                String down = app.get("/observe/health/ready?exposureLevel=full").body();
                assertTrue(down.contains("check that iPortal answers failed"), down);
                assertFalse(app.get("/observe/health/live?exposureLevel=full").body().contains("gis-iportal"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IPortalVariants.AnonymousList.class)
    void aHealthyPortalIsReadyWhateverItAnswersAListingWithoutASession(IPortalVariants.AnonymousList anonymousList)
            throws Exception {
        IPortalEmulatorConfig config = IPortalEmulatorConfig.defaults();
        config.variants.anonymousList = anonymousList;
        try (IPortalEmulator portal = IPortalEmulator.start(config);
             ObservedApp app = ObservedApp.start(List.of(new GisBeans(), new ObserveConfiguration()),
                     portalWiring(portal, portal.config().user.password()))) {
            String body = app.get("/observe/health/ready?exposureLevel=full").body();
            assertEquals(200, ready(app), body);
            assertTrue(body.contains("answers and lists 0 service(s) to the account harvester"), body);
        }
    }

    @ParameterizedTest
    @EnumSource(IPortalVariants.AnonymousList.class)
    void aWrongPortalPasswordIsNotReadyWithTheReasonAndWithoutThePassword(IPortalVariants.AnonymousList anonymousList)
            throws Exception {
        IPortalEmulatorConfig config = IPortalEmulatorConfig.defaults();
        config.variants.anonymousList = anonymousList;
        try (IPortalEmulator portal = IPortalEmulator.start(config);
             ObservedApp app = ObservedApp.start(List.of(new GisBeans(), new ObserveConfiguration()),
                     portalWiring(portal, "wrong-secret-4711"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ready(app) == 503);

            String body = app.get("/observe/health/ready?exposureLevel=full").body();
            assertTrue(body.contains("log in to iPortal failed: The user name or password is incorrect"), body);
            assertFalse(body.contains("wrong-secret-4711"), body);
        }
    }

    @Test
    void aWrongPasswordIsNotReadyWithTheStepAndWithoutThePassword() throws Exception {
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults());
             IPortalEmulator portal = IPortalEmulator.start(IPortalEmulatorConfig.defaults());
             ObservedApp app = ObservedApp.start(List.of(new GisBeans(), new ObserveConfiguration()),
                     wiring(arcgis, "wrong-secret-4711", portal))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ready(app) == 503);
            String body = app.get("/observe/health/ready?exposureLevel=full").body();
            assertTrue(body.contains("generate ArcGIS services token failed"), body);
            assertFalse(body.contains("wrong-secret-4711"), body);
            assertEquals(200, app.get("/observe/health/live").statusCode());
        }
    }
}
