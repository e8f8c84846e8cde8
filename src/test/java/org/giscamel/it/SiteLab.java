package org.giscamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An ArcGIS emulator in this JVM with two fresh machines and short timings, and the site commands of the packaged
 * jar run against it, each with the site's credentials in the environment and the reports in folders of its own.
 */
final class SiteLab implements AutoCloseable {

    static final String SITE = "SITE1.EMULATOR.LOCAL";
    static final String NODE2 = "NODE2.EMULATOR.LOCAL";
    static final String NODE3 = "NODE3.EMULATOR.LOCAL";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final ArcGisEmulator arcgis;
    final Path dir;

    private SiteLab(ArcGisEmulator arcgis, Path dir) {
        this.arcgis = arcgis;
        this.dir = dir;
    }

    /** Short timings; {@code siteCreated} false leaves the first machine in no site until create-site. */
    static SiteLab start(Path dir, boolean siteCreated) throws IOException {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.machineStartDelay = Duration.ofMillis(200);
        config.machineStopDelay = Duration.ofMillis(200);
        config.joinRestartWindow = Duration.ofMillis(300);
        config.createRestartWindow = Duration.ofMillis(300);
        config.joinPollAfterSeconds = 0;
        config.createPollAfterSeconds = 0;
        config.freshMachines = 2;
        config.siteCreated = siteCreated;
        return new SiteLab(ArcGisEmulator.start(config), dir);
    }

    Path reports(String flow) {
        return dir.resolve("reports").resolve(flow);
    }

    /** Runs {@code java -jar gis-camel-routes.jar <args>} to its end, against this emulator's site. */
    JarProcess run(List<String> flags, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "-Dgis.site-join.report-dir=" + reports("site-join"),
                "-Dgis.site-create.report-dir=" + reports("site-create"),
                "-Dgis.site-leave.report-dir=" + reports("site-leave"),
                "-Dgis.site.report-dir=" + reports("site-reconcile"),
                "-Dgis.site-create.config-store=/gisdata/arcgisserver/config-store",
                "-Dgis.site-create.directories-root=/gisdata/arcgisserver/directories",
                "-Dgis.site-join.poll-interval=50ms",
                "-Dgis.retry.max-retries=2", "-Dgis.retry.initial-delay=100ms", "-Dgis.retry.max-delay=200ms"));
        all.addAll(flags);
        return JarProcess.runToEnd(all, List.of(args), Map.of("GIS_ARCGIS_URL", arcgis.siteUrl(),
                "GIS_ARCGIS_USERNAME", arcgis.config().username, "GIS_ARCGIS_PASSWORD", arcgis.config().password));
    }

    JarProcess run(String... args) throws Exception {
        return run(List.of(), args);
    }

    /** A declaration of the site machine and the fresh machines whose indexes are given, all in cluster default. */
    Path declare(boolean removeUndeclared, int... fresh) throws IOException {
        StringBuilder yaml = new StringBuilder("removeUndeclared: " + removeUndeclared + "\nmachines:\n")
                .append("  - adminUrl: \"{{gis.arcgis.url}}/admin\"\n    cluster: default\n");
        for (int index : fresh) {
            yaml.append("  - adminUrl: ").append(arcgis.freshMachineUrl(index)).append("/admin\n    cluster: default\n");
        }
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("site.yaml"), yaml);
    }

    /**
     * Joins fresh machine {@code index} to cluster {@code cluster} and starts it through the Administrator API, as
     * a test's starting point: the join chain is the join-site command's to test.
     */
    void joined(int index, String cluster) throws Exception {
        String site = arcgis.siteUrl() + "/admin";
        String name = index == 0 ? NODE2 : NODE3;
        check(post(arcgis.freshMachineUrl(index) + "/admin/joinSite", "adminURL", site, "username",
                arcgis.config().username, "password", arcgis.config().password));
        String token = post(site + "/generateToken", "username", arcgis.config().username, "password",
                arcgis.config().password, "client", "requestip").path("token").asText();
        if (arcgis.site().cluster(cluster).isEmpty()) {
            check(post(site + "/clusters/create", "clusterName", cluster, "token", token));
        }
        check(post(site + "/clusters/" + cluster + "/machines/add", "machineNames", name, "token", token));
        check(post(site + "/machines/" + name + "/start", "token", token));
    }

    boolean member(String machine) {
        return arcgis.site().isMember(machine);
    }

    /** The newest report of a flow, once there is one. */
    Optional<JsonNode> newestReport(String flow) throws IOException {
        Path folder = reports(flow);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Path> newest = files.filter(f -> f.toString().endsWith(".json")).max(Path::compareTo);
            return newest.isPresent() ? Optional.of(JSON.readTree(newest.get().toFile())) : Optional.empty();
        }
    }

    private static JsonNode post(String url, String... form) throws Exception {
        StringBuilder body = new StringBuilder("f=json");
        for (int i = 0; i < form.length; i += 2) {
            body.append('&').append(form[i]).append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(reply.body());
    }

    private static void check(JsonNode reply) {
        if (!"success".equals(reply.path("status").asText())) {
            throw new IllegalStateException("the emulator refused the set-up: " + reply);
        }
    }

    @Override
    public void close() {
        arcgis.close();
    }
}
