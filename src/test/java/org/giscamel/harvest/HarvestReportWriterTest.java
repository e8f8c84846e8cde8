package org.giscamel.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.iportal.Sharing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarvestReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesOneReportPerRunAndKeepsOnlyTheNewestOfEachSource() throws Exception {
        HarvestReportWriter writer = new HarvestReportWriter(dir, 2);
        for (int second = 1; second <= 3; second++) {
            writer.write(failedRun("main", Instant.parse("2026-01-01T00:00:0" + second + "Z")), "http://portal/iportal");
        }
        writer.write(failedRun("main-2", Instant.parse("2026-01-01T00:00:00Z")), "http://portal/iportal");

        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("harvest-main-2-20260101T000000.000Z.json", "harvest-main-20260101T000002.000Z.json",
                    "harvest-main-20260101T000003.000Z.json"), names, "another source's reports are its own");
        }
        JsonNode report = new ObjectMapper().readTree(dir.resolve("harvest-main-20260101T000003.000Z.json").toFile());
        assertEquals("FAILED", report.path("status").asText());
        assertEquals("portal down", report.path("reason").asText());
        assertEquals("gis-harvest-main", report.path("marker").asText());
        assertTrue(report.path("items").isArray());
    }

    private static HarvestRun failedRun(String id, Instant at) {
        HarvestSource source = new HarvestSource(id, new ArcGisCatalog(URI.create("http://gis/arcgis"), Optional.empty(),
                new ServiceFilter(Set.of("MapServer"), List.of("**"), List.of())), "gis-harvest-" + id, List.of(),
                Sharing.PUBLIC);
        HarvestRun run = new HarvestRun(source, false, false, at, null);
        run.finish(RunStatus.FAILED, "portal down", at.plusSeconds(1));
        return run;
    }
}
