package org.giscamel.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.emulator.arcgis.rest.CatalogEntry;
import org.giscamel.emulator.http.Fault;
import org.giscamel.emulator.http.FaultRule;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One source harvested into one portal, end to end through the route, against both emulators. */
class HarvestFlowTest extends HarvestTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFirstRunRegistersEveryServiceExactlyOnce() throws Exception {
        arcgis.catalog().generate(20, 4);

        HarvestRun run = harvest();

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.summaryLine());
        assertEquals(20, owned().size());
        assertEquals(20, owned().stream().map(ServiceRegistration::linkPage).distinct().count());
        assertEquals(20, settledCount(portal.requests(), "POST", "/iportal/web/services\\.json"));
        ServiceRegistration first = portal.registry().findByLinkage(portal.config().user.username(),
                serviceUrl("LoadTest001/Service00001", "MapServer")).orElseThrow();
        assertEquals("ARCGIS_REST", first.type());
        assertEquals("Service00001 (MapServer)", first.resTitle());
        assertTrue(first.tags().containsAll(List.of("arcgis", MARKER)), first.tags().toString());
        assertTrue(first.tags().stream().anyMatch(t -> t.startsWith(MARKER + "-fp-")), first.tags().toString());
        assertEquals("Service00001", first.metadata().path("dataIdInfo").path("dataIdent").path("idAbs").asText());
        assertEquals(List.of(), first.addedMapNames());
    }

    @Test
    void aSecondRunWithNothingChangedWritesNothing() throws Exception {
        arcgis.catalog().generate(20, 4);
        harvest();
        portalWrites();
        portal.requests().clear();

        HarvestRun second = harvest();

        assertEquals(RunStatus.SUCCEEDED, second.status(), second.summaryLine());
        assertEquals(20, second.counts().unchanged());
        assertEquals(0, portalWrites());
        assertEquals(0, settledCount(portal.requests(), "GET", "/iportal/web/services/\\d+\\.json"),
                "a plain listing says what is current; no registration is read one by one");
    }

    @ParameterizedTest
    @EnumSource(IPortalVariants.AnonymousList.class)
    void aRunWhoseSessionThePortalDroppedStillSeesEveryPrivateRegistration(IPortalVariants.AnonymousList answer)
            throws Exception {
        portal.config().variants.anonymousList = answer;
        arcgis.catalog().generate(20, 4);
        Map<String, String> settings = settings();
        settings.put("gis.harvest.authorize-setting", "private");
        OneShotCamel camel = camel(settings);
        harvest(camel, "main", false, false);
        portalWrites();
        portal.requests().clear();
        portal.faults().arm(Fault.EXPIRE_TOKENS, "/iportal/web/services\\.json", 1);

        HarvestRun second = harvest(camel, "main", false, false);

        assertEquals(RunStatus.SUCCEEDED, second.status(), second.summaryLine());
        assertEquals(20, second.counts().unchanged(), second.summaryLine());
        assertEquals(0, portalWrites());
        assertEquals(1, settledCount(portal.requests(), "POST", "/iportal/web/login\\.json"));
    }

    @Test
    void anAddedARemovedAndARenamedServiceBecomeCreatesAndDeletes() throws Exception {
        arcgis.catalog().generate(20, 4);
        harvest();
        arcgis.catalog().add("LoadTest001/Added", "MapServer");
        arcgis.catalog().remove("LoadTest002/Service00002", "FeatureServer");
        arcgis.catalog().rename("LoadTest003/Service00003", "LoadTest003/Renamed");

        HarvestRun run = harvest();

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.summaryLine());
        assertEquals(2, run.counts().create());
        assertEquals(2, run.counts().delete());
        assertEquals(18, run.counts().unchanged());
        List<String> linkages = owned().stream().map(ServiceRegistration::linkPage).toList();
        assertEquals(20, linkages.size());
        assertTrue(linkages.contains(serviceUrl("LoadTest001/Added", "MapServer")));
        assertTrue(linkages.contains(serviceUrl("LoadTest003/Renamed", "ImageServer")));
        assertFalse(linkages.contains(serviceUrl("LoadTest002/Service00002", "FeatureServer")));
        assertFalse(linkages.contains(serviceUrl("LoadTest003/Service00003", "ImageServer")));
    }

    @Test
    void changedMetadataIsUpdatedInPlaceWithTheFieldsIPortalUpdates() throws Exception {
        AtomicReference<JsonNode> metadata = new AtomicReference<>(mapService("Roads", "Old description"));
        arcgis.catalog().add(new CatalogEntry("Transport/Roads", "MapServer", metadata::get));
        harvest();
        int id = owned().get(0).id();
        portalWrites();
        portal.requests().clear();
        metadata.set(mapService("Main roads", "New description"));

        HarvestRun run = harvest();

        assertEquals(1, run.counts().update(), run.summaryLine());
        ServiceRegistration updated = portal.registry().find(id).orElseThrow();
        assertEquals("Main roads (MapServer)", updated.resTitle(), "iPortal really applied the update");
        assertEquals("New description",
                updated.metadata().path("dataIdInfo").path("dataIdent").path("idAbs").asText());
        assertEquals(1, settledCount(portal.requests(), "PUT", "/iportal/web/services/" + id + "\\.json"));
        assertEquals(1, portalWrites());
    }

    @Test
    void pagesThroughManyRegistrations() throws Exception {
        arcgis.catalog().generate(40, 2);
        Map<String, String> settings = settings();
        settings.put("gis.harvest.page-size", "9");
        harvest(camel(settings), "main", false, false);
        portal.requests().clear();

        HarvestRun second = harvest(camel(settings), "main", false, false);

        assertEquals(40, second.counts().owned());
        assertEquals(40, second.counts().unchanged());
        assertEquals(5, settledCount(portal.requests(), "GET", "/iportal/web/services\\.json"), "40 a page of 9");
    }

    @Test
    void aSourceOutageMidWalkDeletesNothingUnderTheFailedFolder() throws Exception {
        arcgis.catalog().generate(20, 4);
        harvest();
        settledCount(arcgis.requests(), "GET", ".*");
        arcgis.requests().clear();
        arcgis.faults().arm(new FaultRule(Fault.HTTP_500, "GET", "/rest/services/LoadTest002", -1, 0));

        HarvestRun run = harvest();

        assertEquals(RunStatus.PARTIAL, run.status(), run.summaryLine());
        assertEquals(20, owned().size(), "the registrations of LoadTest002 stay");
        assertEquals(5, run.counts().keep());
        assertEquals(0, run.counts().delete());
        assertEquals(1, run.unreadable().size());
        assertEquals("folder LoadTest002", run.unreadable().get(0).what());
        assertTrue(run.unreadable().get(0).reason().contains("HTTP 500"), run.unreadable().get(0).reason());
        assertEquals(3, settledCount(arcgis.requests(), "GET", ".*/rest/services/LoadTest002"),
                "the folder listing was tried once and retried twice");
        JsonNode report = report(run);
        assertEquals("PARTIAL", report.path("status").asText());
        assertEquals("folder LoadTest002", report.path("unreadable").get(0).path("part").asText());
    }

    @Test
    void aServiceThatCannotBeReadKeepsItsRegistration() throws Exception {
        arcgis.catalog().generate(6, 2);
        harvest();
        arcgis.faults().arm(new FaultRule(Fault.CONNECTION_RESET, "GET",
                "/rest/services/LoadTest001/Service00003/ImageServer$", -1, 0));

        HarvestRun run = harvest();

        assertEquals(RunStatus.PARTIAL, run.status(), run.summaryLine());
        assertEquals(List.of("service LoadTest001/Service00003/ImageServer"),
                run.unreadable().stream().map(UnreadablePart::what).toList());
        assertEquals(1, run.counts().keep());
        assertEquals(6, owned().size());
    }

    @Test
    void theDeleteGuardStopsARunThatWouldDeleteTooMuchUnlessForced() throws Exception {
        arcgis.catalog().generate(10, 2);
        harvest();
        for (int i = 1; i <= 5; i++) {
            arcgis.catalog().remove(String.format("LoadTest%03d/Service%05d", (i - 1) % 2 + 1, i),
                    List.of("MapServer", "FeatureServer", "ImageServer").get((i - 1) % 3));
        }
        arcgis.catalog().add("LoadTest001/New", "MapServer");
        portalWrites();
        portal.requests().clear();

        HarvestRun stopped = harvest();

        assertEquals(RunStatus.STOPPED, stopped.status(), stopped.summaryLine());
        assertTrue(stopped.reason().contains("would delete 5 of the 10"), stopped.reason());
        assertEquals(0, portalWrites(), "a stopped run writes nothing, not even its creates");
        assertEquals(10, owned().size());

        HarvestRun forced = harvest(false, true);

        assertEquals(RunStatus.SUCCEEDED, forced.status(), forced.summaryLine());
        assertEquals(6, owned().size());
    }

    @Test
    void anEmptyCatalogDoesNotEmptyThePortal() throws Exception {
        arcgis.catalog().generate(5, 1);
        harvest();
        for (int i = 1; i <= 5; i++) {
            arcgis.catalog().remove(String.format("LoadTest001/Service%05d", i),
                    List.of("MapServer", "FeatureServer", "ImageServer").get((i - 1) % 3));
        }

        HarvestRun run = harvest();

        assertEquals(RunStatus.STOPPED, run.status(), run.summaryLine());
        assertEquals(5, owned().size());
    }

    @Test
    void anAddressTheUserRegisteredWithoutTheMarkerIsReportedAndLeftAlone() throws Exception {
        arcgis.catalog().add("Roads", "MapServer").add("Rivers", "MapServer");
        ServiceRegistration manual = portal.registry().add(ServiceRegistration.builder(
                portal.config().user.username(), "ARCGIS_REST", serviceUrl("Roads", "MapServer")).tags("manual").build());

        HarvestRun run = harvest();

        assertEquals(RunStatus.PARTIAL, run.status(), run.summaryLine());
        ItemOutcome roads = run.outcomes().stream()
                .filter(o -> o.item().linkage().equals(serviceUrl("Roads", "MapServer"))).findFirst().orElseThrow();
        assertEquals(ItemOutcome.Result.FAILED, roads.result());
        assertTrue(roads.error().contains("HTTP 400"), roads.error());
        assertTrue(roads.error().contains("has no '" + MARKER + "' tag"), roads.error());
        assertEquals(List.of("manual"), portal.registry().find(manual.id()).orElseThrow().tags(), "untouched");
        assertEquals(List.of(serviceUrl("Rivers", "MapServer")),
                owned().stream().map(ServiceRegistration::linkPage).toList());
    }

    @Test
    void portalErrorsAreRetriedAndAWriteThatKeepsFailingIsReported() throws Exception {
        AtomicReference<JsonNode> metadata = new AtomicReference<>(mapService("Roads", "v1"));
        arcgis.catalog().add(new CatalogEntry("Roads", "MapServer", metadata::get)).add("Rivers", "MapServer");
        portal.faults().arm(new FaultRule(Fault.HTTP_500, "POST", "/iportal/web/services\\.json", 2, 0));

        HarvestRun first = harvest();

        assertEquals(RunStatus.SUCCEEDED, first.status(), first.summaryLine());
        assertEquals(2, owned().size(), "each create was retried until it went through, and made once");
        assertEquals(4, settledCount(portal.requests(), "POST", "/iportal/web/services\\.json"));

        int roads = portal.registry().findByLinkage(portal.config().user.username(), serviceUrl("Roads", "MapServer"))
                .orElseThrow().id();
        portal.faults().arm(new FaultRule(Fault.HTTP_500, "PUT", "/iportal/web/services/" + roads + "\\.json", -1, 0));
        metadata.set(mapService("Roads", "v2"));
        portal.requests().clear();

        HarvestRun second = harvest();

        assertEquals(RunStatus.PARTIAL, second.status(), second.summaryLine());
        assertEquals(1, second.counts().failed());
        ItemOutcome failed = second.outcomes().stream().filter(o -> o.result() == ItemOutcome.Result.FAILED)
                .findFirst().orElseThrow();
        assertEquals(roads, failed.registrationId());
        assertTrue(failed.error().contains("update iPortal registration " + roads), failed.error());
        assertTrue(failed.error().contains("HTTP 500"), failed.error());
        assertEquals(3, settledCount(portal.requests(), "PUT", "/iportal/web/services/" + roads + "\\.json"),
                "one attempt and two retries");
        assertEquals("FAILED", items(report(second)).filter(i -> i.path("registrationId").asInt() == roads)
                .findFirst().orElseThrow().path("result").asText());
    }

    @Test
    void aDryRunPlansEverythingAndChangesNothing() throws Exception {
        arcgis.catalog().generate(8, 2);

        HarvestRun run = harvest(true, false);

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.summaryLine());
        assertEquals(8, run.counts().create());
        assertTrue(run.outcomes().stream().allMatch(o -> o.result() == ItemOutcome.Result.DRY_RUN));
        assertEquals(0, portal.registry().count());
        assertEquals(0, portalWrites());
        assertTrue(report(run).path("dryRun").asBoolean());
    }

    @Test
    void aRunThatCannotReachThePortalFailsWithAReport() throws Exception {
        arcgis.catalog().generate(2, 1);
        portal.close();

        Exception failure = assertThrows(Exception.class, this::harvest);

        assertTrue(failure.getMessage().contains("log in to iPortal"), failure.getMessage());
        Path report = onlyReport();
        JsonNode json = JSON.readTree(report.toFile());
        assertEquals("FAILED", json.path("status").asText());
        assertTrue(json.path("reason").asText().contains("cannot connect"), json.path("reason").asText());
    }

    @Test
    void aRunOfASourceWhosePreviousRunIsStillGoingIsSkipped() throws Exception {
        arcgis.catalog().generate(3, 1);
        harvest(true, false); // starts the context, so that both runs below share it
        settledCount(arcgis.requests(), "GET", ".*");
        arcgis.requests().clear();
        arcgis.faults().arm(new FaultRule(Fault.DELAY, "GET", "/rest/services/LoadTest001$", 1, 1500));
        AtomicReference<HarvestRun> slow = new AtomicReference<>();
        OneShotCamel camel = defaultCamel();
        Thread first = new Thread(() -> slow.set(harvest(camel, "main", false, false)));
        first.start();
        // The root has been listed: the first run holds the source and waits for its folder.
        await().until(() -> arcgis.requests().count("GET", ".*/rest/services") == 1);

        HarvestRun skipped = harvest();
        first.join();

        assertEquals(RunStatus.SKIPPED, skipped.status());
        assertEquals(RunStatus.SUCCEEDED, slow.get().status(), slow.get().summaryLine());
        assertEquals(3, owned().size());
    }

    private static ObjectNode mapService(String title, String description) {
        ObjectNode json = JSON.createObjectNode().put("currentVersion", 11.1).put("mapName", "Layers")
                .put("description", description).put("copyrightText", "Roads Dept");
        json.putObject("documentInfo").put("Title", title);
        json.putObject("spatialReference").put("wkid", 4326);
        json.putObject("fullExtent").put("xmin", 5).put("ymin", 45).put("xmax", 10).put("ymax", 48)
                .putObject("spatialReference").put("wkid", 4326);
        return json.put("capabilities", "Map,Query");
    }

    private static JsonNode report(HarvestRun run) throws Exception {
        return JSON.readTree(run.reportFile().orElseThrow().toFile());
    }

    private static Stream<JsonNode> items(JsonNode report) {
        return StreamSupport.stream(report.path("items").spliterator(), false);
    }

    private Path onlyReport() throws Exception {
        try (Stream<Path> files = Files.list(reports)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertEquals(1, json.size(), json.toString());
            return json.get(0);
        }
    }
}
