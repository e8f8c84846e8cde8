package org.giscamel.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sources with secured folders, and several sources feeding one portal. */
class HarvestSourcesTest extends HarvestTestSupport {

    @Override
    boolean demoCatalog() {
        return true;
    }

    /** A portal that checks only the HTTP status of an address, which a secured ArcGIS service passes. */
    private void portalChecksOnlyTheHttpStatus() {
        portal.config().variants.registerReachability = IPortalVariants.RegisterReachability.LENIENT;
    }

    @Test
    void aSecuredFolderIsHarvestedWithAServicesToken() throws Exception {
        portalChecksOnlyTheHttpStatus();

        HarvestRun run = harvest();

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.summaryLine());
        List<String> linkages = owned().stream().map(ServiceRegistration::linkPage).toList();
        assertTrue(linkages.contains(serviceUrl("Secured/Parcels", "MapServer")), linkages.toString());
        assertTrue(linkages.contains(serviceUrl("Secured/Parcels", "FeatureServer")), linkages.toString());
        assertTrue(linkages.contains(serviceUrl("Hydrography", "FeatureServer")), linkages.toString());
        assertTrue(linkages.stream().noneMatch(l -> l.contains("GeometryServer")), "types outside the filter are left out");
    }

    @Test
    void securedServicesThatThePortalRefusesAreReportedNotRegisteredAndTheRunSucceeds() throws Exception {
        HarvestRun run = harvest();

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.summaryLine());
        List<String> linkages = owned().stream().map(ServiceRegistration::linkPage).toList();
        assertTrue(linkages.contains(serviceUrl("Hydrography", "FeatureServer")), linkages.toString());
        assertTrue(linkages.stream().noneMatch(l -> l.contains("/Secured/")), linkages.toString());
        List<ItemOutcome> refused = run.outcomes().stream()
                .filter(o -> o.result() == ItemOutcome.Result.NOT_REGISTERED).toList();
        assertEquals(List.of("Secured/Parcels/MapServer", "Secured/Parcels/FeatureServer"),
                refused.stream().map(o -> o.item().label()).toList());
        String reason = refused.get(0).error();
        assertTrue(reason.startsWith("not registered: the service needs an ArcGIS token"), reason);
        assertTrue(reason.contains("iPortal failed: The service is unavailable"), "the portal's own words: " + reason);
        assertFalse(reason.contains(arcgis.config().password), "no secret in the report");
        assertTrue(run.summaryLine().contains("2 service(s) the portal would not register"), run.summaryLine());
        JsonNode report = new ObjectMapper().readTree(run.reportFile().orElseThrow().toFile());
        assertTrue(StreamSupport.stream(report.path("items").spliterator(), false).anyMatch(item ->
                item.path("result").asText().equals("NOT_REGISTERED")
                        && item.path("error").asText().equals(reason)), report.toString());

        HarvestRun again = harvest();

        assertEquals(RunStatus.SUCCEEDED, again.status(), again.summaryLine());
        assertEquals(2, again.counts().create(), "tried again, as the portal or the service may have changed");
        assertEquals(linkages.size(), owned().size());
    }

    @Test
    void whenTheTokenFailsNothingInTheSecuredFolderIsDeleted() throws Exception {
        portalChecksOnlyTheHttpStatus();
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
