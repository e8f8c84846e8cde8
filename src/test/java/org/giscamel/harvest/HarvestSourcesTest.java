package org.giscamel.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.giscamel.emulator.arcgis.ArcGisVariants;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        assertTrue(linkages.stream().noneMatch(l -> l.contains("/Secured/") || l.contains("/Cadastre/")),
                linkages.toString());
        List<ItemOutcome> refused = run.outcomes().stream()
                .filter(o -> o.result() == ItemOutcome.Result.NOT_REGISTERED).toList();
        assertEquals(List.of("Cadastre/MapServer", "Secured/Parcels/MapServer", "Secured/Parcels/FeatureServer"),
                refused.stream().map(o -> o.item().label()).toList());
        String reason = refused.get(0).error();
        assertTrue(reason.startsWith("not registered: the service needs an ArcGIS token"), reason);
        assertTrue(reason.contains("iPortal failed: The service is unavailable"), "the portal's own words: " + reason);
        assertFalse(reason.contains(arcgis.config().password), "no secret in the report");
        assertTrue(run.summaryLine().contains("3 service(s) the portal would not register"), run.summaryLine());
        JsonNode report = new ObjectMapper().readTree(run.reportFile().orElseThrow().toFile());
        assertTrue(StreamSupport.stream(report.path("items").spliterator(), false).anyMatch(item ->
                item.path("result").asText().equals("NOT_REGISTERED")
                        && item.path("error").asText().equals(reason)), report.toString());

        HarvestRun again = harvest();

        assertEquals(RunStatus.SUCCEEDED, again.status(), again.summaryLine());
        assertEquals(3, again.counts().create(), "tried again, as the portal or the service may have changed");
        assertEquals(linkages.size(), owned().size());
    }


    /**
     * An anonymous listing leaves secured root services out silently, so a walk without its token could not tell
     * them from deleted ones: the run stops before the plan, and nothing is deleted.
     */
    @Test
    void whenTheTokenFailsTheRunStopsAndNothingIsDeleted() throws Exception {
        portalChecksOnlyTheHttpStatus();
        harvest();
        int before = owned().size();
        arcgis.catalog().remove("Secured/Parcels", "FeatureServer");
        Map<String, String> wrongPassword = settings();
        wrongPassword.put("gis.arcgis.password", "not-the-password");

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> harvest(camel(wrongPassword), "main", false, false));

        assertEquals(before, owned().size(), "even the service that is really gone stays until the source can be read");
        assertTrue(failure.getMessage().contains("generate ArcGIS services token failed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Invalid username or password"), failure.getMessage());
        assertFalse(failure.getMessage().contains("not-the-password"), "no secret in the message");
        JsonNode report = latestReport();
        assertEquals("FAILED", report.path("status").asText());
        assertFalse(report.toString().contains("not-the-password"), "no secret in the report");
    }

    /**
     * A real directory leaves a secured root service out of an anonymous root listing, silently; listed with the
     * services token it is found, registered, and named in the report as visible only with the token.
     */
    @ParameterizedTest
    @EnumSource(ArcGisVariants.SecuredRootServices.class)
    void aSecuredRootServiceIsRegisteredAndReportedAsVisibleOnlyWithTheToken(ArcGisVariants.SecuredRootServices listing)
            throws Exception {
        arcgis.config().variants.securedRootServices = listing;
        portalChecksOnlyTheHttpStatus();

        HarvestRun run = harvest();

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.summaryLine());
        List<String> linkages = owned().stream().map(ServiceRegistration::linkPage).toList();
        assertTrue(linkages.contains(serviceUrl("Cadastre", "MapServer")), linkages.toString());
        List<String> tokenOnly = new java.util.ArrayList<>();
        latestReport().path("visibleOnlyWithToken").forEach(s -> tokenOnly.add(s.asText()));
        List<String> securedFolder = List.of("Secured/Parcels/MapServer", "Secured/Parcels/FeatureServer");
        assertEquals(listing == ArcGisVariants.SecuredRootServices.HIDDEN
                ? concat(List.of("Cadastre/MapServer"), securedFolder) : securedFolder, tokenOnly);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
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
