package org.giscamel.harvest;

import org.giscamel.cli.OneShotCamel;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sources with secured folders, and several sources feeding one portal. */
class HarvestSourcesTest extends HarvestTestSupport {

    @Override
    boolean demoCatalog() {
        return true;
    }

    /** The secured folder's services pass a portal that checks only the HTTP status of their addresses. */
    @Override
    IPortalEmulatorConfig portalConfig() {
        IPortalEmulatorConfig config = IPortalEmulatorConfig.defaults();
        config.variants.registerReachability = IPortalVariants.RegisterReachability.LENIENT;
        return config;
    }

    @Test
    void aSecuredFolderIsHarvestedWithAServicesToken() throws Exception {
        HarvestRun run = harvest();

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.summaryLine());
        List<String> linkages = owned().stream().map(ServiceRegistration::linkPage).toList();
        assertTrue(linkages.contains(serviceUrl("Secured/Parcels", "MapServer")), linkages.toString());
        assertTrue(linkages.contains(serviceUrl("Secured/Parcels", "FeatureServer")), linkages.toString());
        assertTrue(linkages.contains(serviceUrl("Hydrography", "FeatureServer")), linkages.toString());
        assertTrue(linkages.stream().noneMatch(l -> l.contains("GeometryServer")), "types outside the filter are left out");
    }

    @Test
    void whenTheTokenFailsNothingInTheSecuredFolderIsDeleted() throws Exception {
        harvest();
        int before = owned().size();
        arcgis.catalog().remove("Secured/Parcels", "FeatureServer");
        Map<String, String> wrongPassword = settings();
        wrongPassword.put("gis.arcgis.password", "not-the-password");

        HarvestRun run = harvest(camel(wrongPassword), "main", false, false);

        assertEquals(RunStatus.PARTIAL, run.status(), run.summaryLine());
        assertEquals(before, owned().size(), "even the service that is really gone stays until the folder can be read");
        assertEquals(2, run.counts().keep());
        UnreadablePart secured = run.unreadable().get(0);
        assertEquals("folder Secured", secured.what());
        assertTrue(secured.reason().contains("generate ArcGIS services token"), secured.reason());
        assertFalse(secured.reason().contains("not-the-password"), "no secret in the report");
    }

    @Test
    void twoSourcesFeedOnePortalAndNeverTouchEachOthersRegistrations() throws Exception {
        ArcGisEmulatorConfig secondConfig = ArcGisEmulatorConfig.defaults();
        secondConfig.demoCatalog = false;
        try (ArcGisEmulator second = ArcGisEmulator.start(secondConfig)) {
            second.catalog().add("Roads", "MapServer").add("Rivers", "MapServer").add("Lakes", "MapServer")
                    .add("Parks", "MapServer").add("Trails", "MapServer");
            Map<String, String> settings = settings();
            settings.put("gis.harvest.sources", "main,second");
            settings.put("gis.harvest.source.second.arcgis-url", second.siteUrl());
            settings.put("gis.harvest.source.second.tags", "arcgis,second-site");
            OneShotCamel camel = camel(settings);
            camel.context().addRouteFromTemplate("harvest-second", "gis-harvest", Map.of("source", "second"));

            HarvestRun main = harvest(camel, "main", false, false);
            HarvestRun other = harvest(camel, "second", false, false);

            assertEquals(RunStatus.SUCCEEDED, main.status(), main.summaryLine());
            assertEquals(RunStatus.SUCCEEDED, other.status(), other.summaryLine());
            List<ServiceRegistration> secondOwned = owned("gis-harvest-second");
            assertEquals(5, secondOwned.size());
            assertTrue(secondOwned.get(0).tags().contains("second-site"), secondOwned.get(0).tags().toString());
            int mainOwned = owned().size();

            second.catalog().remove("Lakes", "MapServer");
            HarvestRun mainAgain = harvest(camel, "main", false, false);
            HarvestRun otherAgain = harvest(camel, "second", false, false);

            assertEquals(0, mainAgain.counts().delete(), "main owns none of the second site's registrations");
            assertEquals(mainOwned, owned().size());
            assertEquals(RunStatus.SUCCEEDED, otherAgain.status(), otherAgain.summaryLine());
            assertEquals(1, otherAgain.counts().delete());
            assertEquals(4, owned("gis-harvest-second").size());
        }
    }
}
