package org.giscamel.gp;

import org.giscamel.config.GisSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gis.gp.wps.* keys: the inline limit, and the reference folder and URL that go together. */
class WpsSettingsTest {

    @TempDir
    Path dir;

    private static GisSettings settings(Map<String, String> values) {
        return new GisSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void byDefaultOneMebibyteGoesInlineAndNothingByReference() {
        GisSettings settings = settings(Map.of("gis.gp.wps.reference-dir", " ", "gis.gp.wps.reference-url", ""));
        WpsSettings wps = WpsSettings.from(settings);
        assertEquals(1 << 20, wps.inlineMaxBytes());
        assertFalse(wps.references());
        assertEquals(List.of(), settings.problems());
    }

    @Test
    void theFolderAndItsUrlAreReadTogether() {
        GisSettings settings = settings(Map.of("gis.gp.wps.inline-max-kilobytes", "0",
                "gis.gp.wps.reference-dir", dir.resolve("published").toString(),
                "gis.gp.wps.reference-url", "https://files.example.com/gp-inputs/"));
        WpsSettings wps = WpsSettings.from(settings);
        assertEquals(0, wps.inlineMaxBytes(), "0: everything by reference");
        assertTrue(wps.references());
        assertEquals(Optional.of("https://files.example.com/gp-inputs"), wps.referenceUrl());
        assertEquals(List.of(), settings.problems());
    }

    @Test
    void oneWithoutTheOtherOrAWrongValueIsAProblemNamingTheKeys() {
        GisSettings onlyDir = settings(Map.of("gis.gp.wps.reference-dir", dir.toString()));
        WpsSettings.from(onlyDir);
        assertEquals(1, onlyDir.problems().size(), onlyDir.problems()::toString);
        assertTrue(onlyDir.problems().get(0).contains("gis.gp.wps.reference-url"), onlyDir.problems()::toString);
        GisSettings wrong = settings(Map.of("gis.gp.wps.inline-max-kilobytes", "-1",
                "gis.gp.wps.reference-dir", dir.toString(), "gis.gp.wps.reference-url", "ftp://files.example.com"));
        WpsSettings.from(wrong);
        assertEquals(2, wrong.problems().size(), wrong.problems()::toString);
        assertTrue(wrong.problems().get(0).startsWith("gis.gp.wps.inline-max-kilobytes"), wrong.problems()::toString);
        assertTrue(wrong.problems().get(1).startsWith("gis.gp.wps.reference-url"), wrong.problems()::toString);
    }
}
