package org.giscamel.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarvestReportsTest {

    @TempDir
    Path dir;

    @Test
    void theNewestRunsOfAllSourcesComeFirstUpToTheLimit() throws Exception {
        StatusFixtures.report(dir, "main", "20260115T100000.000Z", "SUCCEEDED", null, List.of());
        StatusFixtures.report(dir, "ogc", "20260115T100030.000Z", "SUCCEEDED", null, List.of());
        StatusFixtures.report(dir, "main", "20260115T100100.000Z", "FAILED", "iPortal login failed", List.of());
        Files.writeString(dir.resolve("harvest-main-20260115T100130.000Z.json.part"), "{");
        Files.writeString(dir.resolve("main.lock"), "");

        List<HarvestRunSummary> runs = new HarvestReports(dir, 5).newest(2);
        assertEquals(List.of("harvest-main-20260115T100100.000Z.json", "harvest-ogc-20260115T100030.000Z.json"),
                runs.stream().map(HarvestRunSummary::reportName).toList());
        HarvestRunSummary failed = runs.get(0);
        assertEquals("FAILED", failed.status());
        assertEquals("iPortal login failed", failed.reason());
        assertEquals(Instant.parse("2026-01-15T10:00:00Z"), failed.startedAt());
        assertEquals(12, failed.counts().servicesRead());
        assertEquals(List.of("folder Secured: HTTP 403"), failed.unreadable());
    }

    @Test
    void onlyFailedWritesAreListedAsSuchNotServicesThePortalWouldNotRegister() throws Exception {
        Path report = StatusFixtures.report(dir, "main", "20260115T100000.000Z", "SUCCEEDED", null,
                List.of("iPortal failed: Connection reset"));
        Files.writeString(report, Files.readString(report).replace("\"items\": [", """
                "items": [{"action": "CREATE", "service": "Cadastre/MapServer", "url": "https://gis/c",
                 "result": "NOT_REGISTERED", "error": "not registered: the service needs an ArcGIS token"},"""));

        HarvestRunSummary run = new HarvestReports(dir, 5).newest(1).get(0);

        assertEquals(1, run.itemErrorCount());
        assertEquals(List.of("CREATE Folder/Service0 (MapServer): iPortal failed: Connection reset"), run.itemErrors());
    }

    @Test
    void aReportCutShortIsListedAsUnreadable() throws Exception {
        Files.writeString(dir.resolve("harvest-main-20260115T100000.000Z.json"), "{\"source\": \"main\", \"coun");

        HarvestRunSummary run = new HarvestReports(dir, 5).newest(10).get(0);
        assertEquals(HarvestRunSummary.UNREADABLE, run.status());
        assertEquals("main", run.source());
        assertEquals(Instant.parse("2026-01-15T10:00:00Z"), run.startedAt());
        assertTrue(run.reason().startsWith("the report could not be read: "), run.reason());
        assertNull(run.counts());
    }

    @Test
    void noReportFolderYetMeansNoRuns() throws Exception {
        assertEquals(List.of(), new HarvestReports(dir.resolve("not-yet"), 5).newest(10));
    }
}
