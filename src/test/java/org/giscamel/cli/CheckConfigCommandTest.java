package org.giscamel.cli;

import org.giscamel.config.ConfigFiles;
import org.giscamel.config.ConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckConfigCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void useTheShippedConfigurationAgain() {
        System.clearProperty(ConfigFiles.CONFIG_PROPERTY);
    }

    private List<String> problemsOf(String properties) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, properties);
        System.setProperty(ConfigFiles.CONFIG_PROPERTY, file.toString());
        return assertThrows(ConfigurationException.class, () -> new CheckConfigCommand().run(List.of())).problems();
    }

    @Test
    void theShippedConfigurationIsOk() {
        assertEquals(0, new CheckConfigCommand().run(List.of()));
    }

    @Test
    void aMistypedKeyIsCaughtWithTheKeyItProbablyMeant() throws Exception {
        List<String> problems = problemsOf("gis.harvest.crn = 0 0 * * * ?\n");
        assertEquals(List.of("gis.harvest.crn (configuration file) is not a known key; did you mean gis.harvest.cron?"),
                problems);
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("reports.txt"), "a file");
        List<String> problems = problemsOf("""
                gis.demo = false
                gis.arcgis.url = ftp://gis.example.com/arcgis
                gis.iportal.url = http://portal.example.com/iportal
                gis.iportal.username = harvester
                gis.harvest.cron = every hour
                gis.harvest.report-dir = %s
                gis.gp.poll-tick = soon
                gis.harvest.colour = red
                """.formatted(notAFolder.toString().replace("\\", "/")));
        String all = String.join("\n", problems);
        assertTrue(all.contains("gis.arcgis.url must be an http:// or https:// URL"), all);
        assertTrue(all.contains("gis.iportal.password is required"), all);
        assertTrue(all.contains("gis.harvest.cron must be a Quartz cron expression"), all);
        assertTrue(all.contains("gis.harvest.report-dir names " + notAFolder + ", which is not a folder"), all);
        assertTrue(all.contains("gis.gp.poll-tick must be a duration"), all);
        assertTrue(all.contains("gis.harvest.colour (configuration file) is not a known key"), all);
        assertEquals(problems.size(), problems.stream().distinct().count(), "each problem once: " + all);
    }
}
