package org.giscamel.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderAndCronSettingsTest {

    @TempDir
    Path dir;

    private static GisSettings settings(Map<String, String> values) {
        return new GisSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void anExistingFolderOrOneThatCanBeCreatedIsFine() {
        GisSettings s = settings(Map.of("gis.a", dir.toString(), "gis.b", dir.resolve("new/deeper").toString()));
        assertEquals(dir, s.folder("gis.a", "x"));
        s.folder("gis.b", "x");
        assertEquals(0, s.problems().size(), s.problems().toString());
        assertTrue(Files.notExists(dir.resolve("new")), "checking creates nothing");
    }

    @Test
    void aFileWhereAFolderShouldBeIsAProblemNamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        GisSettings s = settings(Map.of("gis.a", file.toString(), "gis.b", file.resolve("sub").toString()));
        s.folder("gis.a", "x");
        s.folder("gis.b", "x");
        assertEquals(2, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("gis.a names "), s.problems().get(0));
        assertTrue(s.problems().get(1).contains("cannot be created in " + file), s.problems().get(1));
    }

    @Test
    void cronExpressionsAreQuartzOnes() {
        GisSettings s = settings(Map.of("gis.ok", "0/30 * * * * ?", "gis.unix", "*/5 * * * *"));
        assertEquals("0/30 * * * * ?", s.cron("gis.ok", "0 0 * * * ?"));
        s.cron("gis.unix", "0 0 * * * ?");
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("gis.unix must be a Quartz cron expression"), s.problems().get(0));
    }
}
