package org.giscamel.it;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harvest through the packaged jar: the one-shot command, and the demo's schedule. */
class HarvestIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path reports;

    @Test
    void theCommandPrintsThePlanOnADryRunThenHarvestsAndFailsWhenTheGuardStopsIt() throws Exception {
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults());
             IPortalEmulator portal = IPortalEmulator.start(IPortalEmulatorConfig.defaults())) {
            Map<String, String> env = Map.of(
                    "GIS_ARCGIS_URL", arcgis.siteUrl(),
                    "GIS_ARCGIS_USERNAME", arcgis.config().username,
                    "GIS_ARCGIS_PASSWORD", arcgis.config().password,
                    "GIS_IPORTAL_URL", portal.url(),
                    "GIS_IPORTAL_USERNAME", portal.config().user.username(),
                    "GIS_IPORTAL_PASSWORD", portal.config().user.password());
            List<String> flags = List.of("-Dgis.harvest.report-dir=" + reports);

            JarProcess dryRun = JarProcess.runToEnd(flags, List.of("harvest", "--dry-run"), env);

            assertEquals(0, dryRun.exitCode(), dryRun.output());
            assertTrue(dryRun.output().contains("CREATE    DRY_RUN   Basemaps/Streets/MapServer"), dryRun.output());
            assertTrue(dryRun.output().contains("Harvest main (dry run) SUCCEEDED"), dryRun.output());
            assertEquals(0, portal.registry().count(), "a dry run changes nothing");

            JarProcess real = JarProcess.runToEnd(flags, List.of("harvest"), env);

            assertEquals(0, real.exitCode(), real.output());
            assertTrue(real.output().contains("CREATE    DONE      Basemaps/Streets/MapServer"), real.output());
            assertTrue(real.output().contains("CREATE    NOT_REGISTERED Secured/Parcels/FeatureServer"
                    + " — not registered: the service needs an ArcGIS token"), real.output());
            List<String> registered = portal.registry().list().stream().map(ServiceRegistration::linkPage).toList();
            assertFalse(registered.contains(arcgis.siteUrl() + "/rest/services/Secured/Parcels/MapServer"),
                    "the strict portal refuses a secured service without a way to get its token: " + registered);
            assertFalse(real.output().contains(arcgis.config().password), "no secret in the output");
            assertFalse(real.output().contains(portal.config().user.password()), "no secret in the output");

            List.copyOf(arcgis.catalog().folders()).forEach(folder ->
                    arcgis.catalog().services(folder).forEach(s -> arcgis.catalog().remove(s.name(), s.type())));
            arcgis.catalog().services("").forEach(s -> arcgis.catalog().remove(s.name(), s.type()));

            JarProcess stopped = JarProcess.runToEnd(flags, List.of("harvest"), env);

            assertEquals(1, stopped.exitCode(), stopped.output());
            assertTrue(stopped.output().contains("Harvest main STOPPED"), stopped.output());
            assertEquals(registered.size(), portal.registry().count(), "an empty catalog does not empty the portal");
        }
    }

    @Test
    void theDemoHarvestsOnItsScheduleAndFollowsTheEmulatorsCatalog() throws Exception {
        try (JarProcess app = JarProcess.start(List.of(
                "-Dgis.observe.port=" + JarProcess.freePort(),
                "-Dgis.emulator.arcgis-port=0", "-Dgis.emulator.fresh-machine-port=0", "-Dgis.emulator.iportal-port=0",
                "-Dgis.harvest.cron=0/2 * * * * ?", "-Dgis.harvest.report-dir=" + reports), List.of(), Map.of())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> app.output().contains("iPortal emulator: http"));
            String arcgis = find(app.output(), "ArcGIS Server emulator: site (http://\\S+/arcgis)");
            String portal = find(app.output(), "iPortal emulator: (http://\\S+/iportal)");
            String streets = arcgis + "/rest/services/Basemaps/Streets/MapServer";

            await().atMost(Duration.ofSeconds(60)).until(() -> harvested(portal).contains(streets));

            String added = arcgis + "/rest/services/Basemaps/Added/MapServer";
            catalog(arcgis, "action=add&name=Basemaps/Added&type=MapServer");
            await().atMost(Duration.ofSeconds(60)).until(() -> harvested(portal).contains(added));

            catalog(arcgis, "action=remove&name=Basemaps/Streets&type=MapServer");
            await().atMost(Duration.ofSeconds(60)).until(() -> !harvested(portal).contains(streets));

            assertTrue(app.output().contains("Harvest main SUCCEEDED"), app.output());
        }
    }

    /** The first page of public registrations with the main source's marker, as the portal's JSON text. */
    private String harvested(String portal) throws Exception {
        String tags = URLEncoder.encode("[\"gis-harvest-main\"]", StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(portal + "/web/services.json?pageSize=100&tags=" + tags))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void catalog(String arcgis, String query) throws Exception {
        URI control = URI.create(arcgis.substring(0, arcgis.lastIndexOf('/')) + "/__emulator/catalog?" + query);
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(control)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
