package org.giscamel.springboot;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.giscamel.springboot.OnGisKeysCondition.hasKeysUnder;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which flows a Spring Boot application gets, from the keys of its Environment. */
class OnGisKeysConditionTest {

    @Test
    void aKeyInTheApplicationFileTurnsItsSectionOnInAnyRelaxedForm() {
        StandardEnvironment environment = environment(Map.of(
                "gis.siteJoin.machineUrl", "http://node2:6080/arcgis",
                "gis.gp.poll_tick", "200ms"), Map.of());

        assertTrue(hasKeysUnder(environment, "gis.site-join"));
        assertTrue(hasKeysUnder(environment, "gis.gp"));
        assertTrue(hasKeysUnder(environment, "gis"));
        assertFalse(hasKeysUnder(environment, "gis.harvest"));
    }

    @Test
    void environmentVariablesCountWithOrWithoutAnUnderscoreForTheDash() {
        assertTrue(hasKeysUnder(environment(Map.of(), Map.of("GIS_SITE_JOIN_INBOX", "joins")), "gis.site-join"));
        assertTrue(hasKeysUnder(environment(Map.of(), Map.of("GIS_SITEJOIN_INBOX", "joins")), "gis.site-join"));
        assertTrue(hasKeysUnder(environment(Map.of(), Map.of("GIS_ARCGIS_URL", "https://gis:6443/arcgis")), "gis"));
        assertFalse(hasKeysUnder(environment(Map.of(), Map.of("GIS_ARCGIS_URL", "https://gis:6443/arcgis")),
                "gis.gp"));
    }

    @Test
    void aKeyThatOnlySharesTheSectionsLettersDoesNotTurnItOn() {
        StandardEnvironment environment = environment(Map.of("gis.gpx.inbox", "x", "gis.harvesting", "x",
                "gisx.gp.inbox", "x"), Map.of("GISX_HARVEST_CRON", "x"));

        assertFalse(hasKeysUnder(environment, "gis.gp"));
        assertFalse(hasKeysUnder(environment, "gis.harvest"));
        assertTrue(hasKeysUnder(environment, "gis"));
        assertFalse(hasKeysUnder(environment(Map.of("gisx.gp.inbox", "x"), Map.of()), "gis"));
    }

    /** An application file and a process environment of the test's own, without the machine's. */
    private static StandardEnvironment environment(Map<String, Object> file, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.addFirst(new MapPropertySource("application.yaml", file));
        return environment;
    }
}
