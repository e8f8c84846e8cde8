package org.giscamel.cli;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.sitejoin.SiteJoinWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code join-site} command in this JVM; the packaged jar is run by {@code SiteJoinCommandIT}. */
class JoinSiteCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private Map<String, String> properties = Map.of();

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
        properties.keySet().forEach(System::clearProperty);
    }

    private int run(ArcGisEmulator arcgis, String password, String... args) throws Exception {
        // The command reads its configuration as the jar does; system properties stand in for the environment.
        properties = Map.of("gis.arcgis.username", arcgis.config().username, "gis.arcgis.password", password,
                "gis.site-join.report-dir", dir.toString(), "gis.site-join.poll-interval", "20ms");
        properties.forEach(System::setProperty);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        return new JoinSiteCommand().run(List.of(args));
    }

    @Test
    void aSuccessfulJoinExitsZeroAndSaysWhereTheReportIs() throws Exception {
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(SiteJoinWorld.fastEmulator())) {
            int exit = run(arcgis, arcgis.config().password, "--machine", arcgis.freshMachineUrl(),
                    "--site", arcgis.siteUrl(), "--cluster", "default");

            assertEquals(0, exit, err.toString());
            assertTrue(out.toString().contains("join-site done: NODE2.EMULATOR.LOCAL in site " + arcgis.siteUrl()
                    + ", cluster default, STARTED (report " + dir), out.toString());
        }
    }

    @Test
    void aFailedJoinExitsOneWithOneLineNamingTheStepAndNoPassword() throws Exception {
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(SiteJoinWorld.fastEmulator())) {
            int exit = run(arcgis, "wrong-secret-99", "--machine", arcgis.freshMachineUrl(), "--site", arcgis.siteUrl());

            assertEquals(1, exit);
            String line = err.toString().strip();
            assertTrue(line.startsWith("join-site failed at step 'check-membership': generate ArcGIS admin token failed: "
                    + "Unable to generate token.; Invalid username or password."), line);
            assertEquals(1, line.lines().count());
            assertFalse(line.contains("wrong-secret-99"));
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        JoinSiteCommand command = new JoinSiteCommand();

        assertTrue(assertThrows(UsageException.class, () -> command.run(List.of("--machin", "x"))).getMessage()
                .contains("Unknown option --machin"));
        assertTrue(assertThrows(UsageException.class, () -> command.run(List.of("--machine"))).getMessage()
                .contains("--machine needs a value"));
        assertTrue(assertThrows(UsageException.class, () -> command.run(List.of("--machine", "http://n:6080/arcgis/admin")))
                .getMessage().startsWith("--machine: the machine URL is the site root without /admin"));
    }
}
