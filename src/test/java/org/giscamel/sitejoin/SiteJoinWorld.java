package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ArcGIS emulator (site + fresh machines) with short timings, and a one-shot Camel context running the site
 * flows' chains against it, with their own report folders and inboxes.
 */
public final class SiteJoinWorld implements AutoCloseable {

    static final String NODE = "NODE2.EMULATOR.LOCAL";
    static final String NODE3 = "NODE3.EMULATOR.LOCAL";
    static final String SITE_MACHINE = "SITE1.EMULATOR.LOCAL";
    static final String CHAIN = "file:routes/site-join.camel.yaml";
    static final String TRIGGERS = "file:routes/site-join-triggers.camel.yaml";
    static final String CREATE = "file:routes/site-create.camel.yaml";
    static final String LEAVE = "file:routes/site-leave.camel.yaml";
    static final String RECONCILE = "file:routes/site-reconcile.camel.yaml";
    static final String SITE_TRIGGERS = "file:routes/site-triggers.camel.yaml";
    /** Every chain: join, create, leave and reconcile. */
    static final List<String> ALL_CHAINS = List.of(CHAIN, CREATE, LEAVE, RECONCILE);

    final ArcGisEmulator arcgis;
    final OneShotCamel camel;
    final Path reports;
    final Path inbox;
    /** Where the other flows keep their reports and file drops: {@code <dir>/site-create/reports} and so on. */
    final Path dir;

    private SiteJoinWorld(ArcGisEmulator arcgis, OneShotCamel camel, Path reports, Path inbox, Path dir) {
        this.arcgis = arcgis;
        this.camel = camel;
        this.reports = reports;
        this.inbox = inbox;
        this.dir = dir;
    }

    /** Short start and stop delays and restart windows, and no pollAfter, so a whole join takes well under a second. */
    public static ArcGisEmulatorConfig fastEmulator() {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.machineStartDelay = Duration.ofMillis(200);
        config.machineStopDelay = Duration.ofMillis(200);
        config.joinRestartWindow = Duration.ofMillis(300);
        config.createRestartWindow = Duration.ofMillis(300);
        config.joinPollAfterSeconds = 0;
        config.createPollAfterSeconds = 0;
        return config;
    }

    /** {@link #fastEmulator()} with two fresh machines, NODE2 and NODE3. */
    static ArcGisEmulatorConfig twoFreshMachines() {
        ArcGisEmulatorConfig config = fastEmulator();
        config.freshMachines = 2;
        return config;
    }

    static SiteJoinWorld start(Path dir) throws Exception {
        return start(fastEmulator(), dir, Map.of(), List.of(CHAIN));
    }

    static SiteJoinWorld start(ArcGisEmulatorConfig config, Path dir, Map<String, String> properties,
                               List<String> routeFiles) throws Exception {
        ArcGisEmulator arcgis = ArcGisEmulator.start(config);
        try {
            Path reports = dir.resolve("reports");
            Path inbox = dir.resolve("inbox");
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("gis.arcgis.url", arcgis.siteUrl());
            overrides.put("gis.arcgis.username", config.username);
            overrides.put("gis.arcgis.password", config.password);
            overrides.put("gis.site-join.report-dir", reports.toString());
            overrides.put("gis.site-join.inbox", inbox.toString());
            overrides.put("gis.site-join.poll-interval", "20ms");
            overrides.put("gis.site-join.restart-deadline", "5s");
            overrides.put("gis.site-join.start-deadline", "5s");
            for (String flow : List.of("site-create", "site-leave")) {
                overrides.put("gis." + flow + ".report-dir", dir.resolve(flow).resolve("reports").toString());
                overrides.put("gis." + flow + ".inbox", dir.resolve(flow).resolve("inbox").toString());
            }
            overrides.put("gis.site-create.config-store", "/gisdata/arcgisserver/config-store");
            overrides.put("gis.site-create.directories-root", "/gisdata/arcgisserver/directories");
            overrides.put("gis.site-create.restart-deadline", "5s");
            overrides.put("gis.site-leave.stop-deadline", "5s");
            overrides.put("gis.site.report-dir", dir.resolve("site-reconcile").resolve("reports").toString());
            overrides.put("gis.retry.max-retries", "2");
            overrides.put("gis.retry.initial-delay", "10ms");
            overrides.put("gis.retry.max-delay", "20ms");
            overrides.putAll(properties);
            OneShotCamel camel = OneShotCamel.start(ConfigFiles.locate(), overrides, List.of(new SiteJoinBeans()), routeFiles);
            return new SiteJoinWorld(arcgis, camel, reports, inbox, dir);
        } catch (Exception | Error e) {
            arcgis.close();
            throw e;
        }
    }

    /** Sends a request (a {@link SiteJoinRequest}, its JSON text, or null for the configured machine) to the chain. */
    Exchange join(Object request) {
        return camel.producer().send("direct:site-join", exchange -> exchange.getMessage().setBody(request));
    }

    /** Sends a request (a request object, its JSON text, or null) to a flow's chain, e.g. direct:site-leave. */
    Exchange send(String endpoint, Object request) {
        return camel.producer().send(endpoint, exchange -> exchange.getMessage().setBody(request));
    }

    Exchange create(Object request) {
        return send("direct:site-create", request);
    }

    Exchange leave(Object request) {
        return send("direct:site-leave", request);
    }

    Exchange joinFresh(int index, String cluster) {
        return join("{\"machine\":\"" + arcgis.freshMachineUrl(index) + "\",\"cluster\":\"" + cluster + "\"}");
    }

    Exchange joinFresh(String cluster) {
        return join("{\"machine\":\"" + arcgis.freshMachineUrl() + "\",\"cluster\":\"" + cluster + "\"}");
    }

    static SiteJoinRun run(Exchange exchange) {
        return exchange.getProperty(SiteJoinRun.PROPERTY, SiteJoinRun.class);
    }

    /** The run of whichever site flow the exchange went through. */
    static SiteRun<?> anyRun(Exchange exchange) {
        for (String property : List.of(SiteJoinRun.PROPERTY, SiteCreateRun.PROPERTY, SiteLeaveRun.PROPERTY,
                SiteReconcileRun.PROPERTY)) {
            SiteRun<?> run = exchange.getProperty(property, SiteRun.class);
            if (run != null) {
                return run;
            }
        }
        throw new AssertionError("the exchange went through no site flow");
    }

    static StepResult step(Exchange exchange, SiteStep step) {
        return anyRun(exchange).report().step(step).orElseThrow(() -> new AssertionError(step + " was not reached"));
    }

    static JsonNode reportFile(Exchange exchange) throws IOException {
        return new ObjectMapper().readTree(Files.readString(anyRun(exchange).reportFile().orElseThrow()));
    }

    /** Asserts the run failed at {@code step}, with {@code reasonPart} in its detail and its report naming the step. */
    static void assertFailedAt(Exchange result, SiteStep step, String reasonPart) throws IOException {
        if (result.getException() == null) {
            throw new AssertionError("the run should fail at " + step.label() + ": " + anyRun(result).report().summary());
        }
        StepResult failed = anyRun(result).report().failure().orElseThrow();
        if (!failed.step().equals(step) || !failed.detail().contains(reasonPart)) {
            throw new AssertionError("expected a failure at " + step.label() + " with '" + reasonPart + "' but got " + failed);
        }
        JsonNode report = reportFile(result);
        if (!report.path("outcome").asText().equals("failed") || !report.path("failedStep").asText().equals(step.label())) {
            throw new AssertionError("the report does not name the failed step: " + report);
        }
    }

    /** Asserts the run succeeded with the given outcome. */
    static void assertOutcome(Exchange result, SiteReport.Outcome outcome) {
        SiteReport report = anyRun(result).report();
        if (result.getException() != null || report.outcome() != outcome) {
            throw new AssertionError("expected " + outcome + " but got " + report.outcome() + ": " + report.summary()
                    + (result.getException() == null ? "" : " / " + result.getException()));
        }
    }

    long count(String method, String pathRegex) {
        return arcgis.requests().count(method, pathRegex);
    }

    @Override
    public void close() {
        try {
            camel.close();
        } finally {
            arcgis.close();
        }
    }
}
