package org.giscamel.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Both emulators on free ports and the harvest route of {@code routes/harvest.camel.yaml} in a one-shot Camel
 * context wired to them, with short retries. The GP part's {@code Demo} folder is left out so each test controls
 * its whole catalog.
 */
abstract class HarvestTestSupport {

    static final String MARKER = "gis-harvest-main";
    static final String WRITES = "POST|PUT|DELETE";

    @TempDir
    Path reports;
    ArcGisEmulator arcgis;
    IPortalEmulator portal;
    private final List<OneShotCamel> contexts = new ArrayList<>();

    @BeforeEach
    void startEmulators() throws Exception {
        ArcGisEmulatorConfig arcgisConfig = ArcGisEmulatorConfig.defaults();
        arcgisConfig.demoCatalog = demoCatalog();
        arcgis = ArcGisEmulator.start(arcgisConfig);
        portal = IPortalEmulator.start(portalConfig());
    }

    @AfterEach
    void stopAll() {
        contexts.forEach(OneShotCamel::close);
        portal.close();
        arcgis.close();
    }

    /** The portal's settings; a test may have it check that each registered address answers, as real iPortal does. */
    IPortalEmulatorConfig portalConfig() {
        return IPortalEmulatorConfig.defaults();
    }

    /** Whether the ArcGIS emulator starts with its demo catalog (with the secured folder) or an empty one. */
    boolean demoCatalog() {
        return false;
    }

    Map<String, String> settings() {
        Map<String, String> p = new HashMap<>();
        p.put("gis.arcgis.url", arcgis.siteUrl());
        p.put("gis.arcgis.username", arcgis.config().username);
        p.put("gis.arcgis.password", arcgis.config().password);
        p.put("gis.iportal.url", portal.url());
        p.put("gis.iportal.username", portal.config().user.username());
        p.put("gis.iportal.password", portal.config().user.password());
        p.put("gis.harvest.report-dir", reports.toString());
        p.put("gis.harvest.exclude", "Demo/**,System/**,Utilities/**");
        p.put("gis.harvest.sources", "main");
        p.put("gis.harvest.page-size", "100");
        p.put("gis.retry.max-retries", "2");
        p.put("gis.retry.initial-delay", "10ms");
        p.put("gis.retry.max-delay", "50ms");
        p.put("gis.http.read-timeout", "5s");
        return p;
    }

    OneShotCamel camel(Map<String, String> overrides) throws Exception {
        OneShotCamel camel = OneShotCamel.start(ConfigFiles.locate(), overrides,
                List.of(new HarvestConfiguration(true)), List.of("file:routes/harvest.camel.yaml"));
        contexts.add(camel);
        return camel;
    }

    private OneShotCamel defaultCamel;

    HarvestRun harvest() throws Exception {
        return harvest(false, false);
    }

    HarvestRun harvest(boolean dryRun, boolean force) throws Exception {
        return harvest(defaultCamel(), "main", dryRun, force);
    }

    /** The context of {@link #settings()}, started on first use and shared by the test's runs. */
    OneShotCamel defaultCamel() throws Exception {
        if (defaultCamel == null) {
            defaultCamel = camel(settings());
        }
        return defaultCamel;
    }

    static HarvestRun harvest(OneShotCamel camel, String source, boolean dryRun, boolean force) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(HarvestSteps.DRY_RUN, dryRun);
        headers.put(HarvestSteps.FORCE, force);
        try {
            return camel.producer().requestBodyAndHeaders("direct:harvest-" + source, null, headers, HarvestRun.class);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The newest report the runs wrote (names sort by time); a run that failed returns no {@link HarvestRun}. */
    JsonNode latestReport() throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            Path newest = files.filter(f -> f.getFileName().toString().startsWith("harvest-"))
                    .max(Comparator.naturalOrder()).orElseThrow(() -> new AssertionError("no harvest report"));
            return new ObjectMapper().readTree(newest.toFile());
        }
    }

    /** The registrations the harvester user holds with the main source's marker. */
    List<ServiceRegistration> owned() {
        return owned(MARKER);
    }

    List<ServiceRegistration> owned(String marker) {
        return portal.registry().list().stream().filter(r -> r.tags().contains(marker)).toList();
    }

    String serviceUrl(String name, String type) {
        return arcgis.siteUrl() + "/rest/services/" + name + "/" + type;
    }

    /**
     * Requests of this method on the portal since its log was last cleared, once the log has settled: an
     * emulator records a request just after sending its reply.
     */
    static long settledCount(RequestLog log, String methodRegex, String pathRegex) {
        AtomicInteger last = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> log.entries().size() == last.getAndSet(log.entries().size()));
        return log.entries().stream()
                .filter(e -> e.method().matches(methodRegex) && e.path().matches(pathRegex))
                .count();
    }

    long portalWrites() {
        return settledCount(portal.requests(), WRITES, "/iportal/web/services.*");
    }
}
