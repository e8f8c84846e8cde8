package org.giscamel.ops;

import org.giscamel.emulator.EmbeddedEmulators;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped config/application.properties, as packed into the jar, is the list of known keys. */
class DocumentedKeysTest {

    private final DocumentedKeys shipped = DocumentedKeys.load();

    @Test
    void keysSetOrShownInTheShippedFileAreKnownAndTyposAreNot() {
        assertTrue(shipped.isKnown("gis.harvest.cron"));
        assertTrue(shipped.isKnown("gis.gp.store-url"));
        assertTrue(shipped.isKnown("gis.log.format"), "documented by a commented-out line");
        assertFalse(shipped.isKnown("gis.harvest.crn"));
        assertFalse(shipped.isKnown("gis.arcgis.passwort"));
    }

    @Test
    void secretsAreKnownByTheEnvironmentVariableTheFileNames() {
        assertTrue(shipped.isKnown("gis.arcgis.password"));
        assertTrue(shipped.isKnown("gis.gp.store-password"));
        assertTrue(shipped.isKnownVariable("GIS_IPORTAL_PASSWORD"));
        assertFalse(shipped.isKnownVariable("GIS_IPORTAL_PASWORD"));
    }

    @Test
    void aSourceMaySetAnyHarvestKeyAndTheKeysDocumentedForSources() {
        assertTrue(shipped.isKnown("gis.harvest.source.east.marker"));
        assertTrue(shipped.isKnown("gis.harvest.source.east.include"));
        assertTrue(shipped.isKnown("gis.harvest.source.east.arcgis-url"));
        assertTrue(shipped.isKnown("gis.harvest.source.east.arcgis-password"));
        assertTrue(shipped.isKnownVariable("GIS_HARVEST_SOURCE_EAST_WING_MARKER"));
        assertFalse(shipped.isKnown("gis.harvest.source.east.markr"));
        assertFalse(shipped.isKnownVariable("GIS_HARVEST_SOURCE_MARKER"), "no source id");
    }

    @Test
    void aTypoGetsTheKeyItProbablyMeant() {
        assertEquals(Optional.of("gis.harvest.cron"), shipped.nearest("gis.harvest.crn"));
        assertEquals(Optional.of("gis.iportal.username"), shipped.nearest("GIS_IPORTAL_USERNAM"));
        assertEquals(Optional.empty(), shipped.nearest("gis.something.else.entirely"));
    }

    @Test
    void mentionsInProseCountButWildcardsAndPlaceholdersDoNot() {
        DocumentedKeys parsed = DocumentedKeys.parse("""
                # See gis.arcgis.* above, and gis.flow.key. Per source: gis.harvest.source.<id>.<key>.
                #gis.harvest.source.main.colour = red
                gis.harvest.tags = a
                """);
        assertTrue(parsed.isKnown("gis.flow.key"));
        assertFalse(parsed.isKnown("gis.arcgis"));
        assertTrue(parsed.isKnown("gis.harvest.source.west.colour"));
        assertTrue(parsed.isKnown("gis.harvest.source.west.tags"));
        assertFalse(parsed.isKnown("gis.harvest.source.west.key"));
    }

    @Test
    void unknownKeysAreReportedFromFilesFlagsAndTheEnvironment() {
        List<String> problems = new UnknownKeys(shipped).find(List.of("gis.harvest.crn", "gis.harvest.cron", "camel.x"),
                List.of("gis.config", "gis.observe.prot", "java.home"),
                List.of("GIS_ARCGIS_URL", "GIS_ARCGIS_USERNAM", "PATH"));
        assertEquals(List.of(
                "gis.harvest.crn (configuration file) is not a known key; did you mean gis.harvest.cron?",
                "-Dgis.observe.prot is not a known key; did you mean gis.observe.port?",
                "environment variable GIS_ARCGIS_USERNAM is not a known key; did you mean GIS_ARCGIS_USERNAME?"),
                problems);
    }

    @Test
    void everyEmulatorSwitchIsDocumentedInTheShippedConfiguration() {
        DocumentedKeys shipped = DocumentedKeys.load();

        for (String key : EmbeddedEmulators.variantKeys()) {
            assertTrue(shipped.isKnown(key), key + " is not in config/application.properties");
        }
        assertTrue(shipped.isKnown(EmbeddedEmulators.PROFILE_KEY));
    }
}
