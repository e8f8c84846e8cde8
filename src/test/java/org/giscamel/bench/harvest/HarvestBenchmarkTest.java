package org.giscamel.bench.harvest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark at a small scale: its request counts, never its times; and how it reads its sizes. */
class HarvestBenchmarkTest {

    @Test
    void countsTheRequestsOfEachCaseBothWays() throws Exception {
        List<HarvestBenchmark.Row> rows = new HarvestBenchmark(500, 5).run();

        HarvestBenchmark.Row first = rows.get(0);
        HarvestBenchmark.Row unchanged = rows.get(1);
        HarvestBenchmark.Row changed = rows.get(2);
        assertEquals(500, first.harvester().writes());
        assertEquals(500, first.baseline().writes());
        assertEquals(0, unchanged.harvester().writes(), unchanged.harvesterSummary());
        assertEquals(500, unchanged.baseline().writes(), "the baseline rewrites every registration");
        // 5 services changed: 2 updates, 1 rename (delete + create), 1 removal, 1 addition.
        assertEquals(6, changed.harvester().writes(), changed.harvesterSummary());
        assertEquals(1 + 5 + 5 + 500 + 5 + 1, unchanged.harvester().reads(),
                "root, folders with the token and anonymously (which services only the token shows), services, "
                        + "one listing page per 100 registrations, and who the portal listed them to");
        assertTrue(unchanged.baseline().reads() >= 1 + 5 + 500 + 56, "pages of 9, and every folder");

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HarvestBenchmark.print(new PrintStream(text, true, StandardCharsets.UTF_8), 500, 5, rows);
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("rerun, nothing changed"), text.toString());
    }

    @Test
    void takesTheSizesAsTheReadmeWritesThemOrAsBareNumbers() {
        assertEquals(new HarvestBenchmark.Size(10_000, 100), HarvestBenchmark.Size.parse(List.of()));
        assertEquals(new HarvestBenchmark.Size(2000, 20),
                HarvestBenchmark.Size.parse(List.of("services=2000", "folders=20")));
        assertEquals(new HarvestBenchmark.Size(2000, 20), HarvestBenchmark.Size.parse(List.of("2000", "20")));
        assertEquals(new HarvestBenchmark.Size(2000, 100), HarvestBenchmark.Size.parse(List.of("2000")));
        assertEquals(new HarvestBenchmark.Size(10_000, 0), HarvestBenchmark.Size.parse(List.of("folders=0")));
    }

    @Test
    void refusesWhatIsNotASizeWithTheUsage() {
        for (List<String> wrong : List.of(List.of("services=many"), List.of("threads=4"), List.of("1", "2", "3"),
                List.of("500", "services=600"), List.of("services=0"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HarvestBenchmark.Size.parse(wrong), wrong::toString);
            assertTrue(e.getMessage().contains("Usage: HarvestBenchmark [services=10000] [folders=100]"),
                    e.getMessage());
        }
    }
}
