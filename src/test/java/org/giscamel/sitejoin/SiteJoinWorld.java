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
 * The ArcGIS emulator (site + fresh machine) with short timings, and a one-shot Camel context running the join
 * chain against it with its own report folder and inbox.
 */
public final class SiteJoinWorld implements AutoCloseable {

    static final String NODE = "NODE2.EMULATOR.LOCAL";
    static final String CHAIN = "file:routes/site-join.camel.yaml";
    static final String TRIGGERS = "file:routes/site-join-triggers.camel.yaml";

    final ArcGisEmulator arcgis;
    final OneShotCamel camel;
    final Path reports;
    final Path inbox;

    private SiteJoinWorld(ArcGisEmulator arcgis, OneShotCamel camel, Path reports, Path inbox) {
        this.arcgis = arcgis;
        this.camel = camel;
        this.reports = reports;
        this.inbox = inbox;
    }

    /** Short start delay and restart window, and no pollAfter, so a whole join takes well under a second. */
    public static ArcGisEmulatorConfig fastEmulator() {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.machineStartDelay = Duration.ofMillis(200);
        config.joinRestartWindow = Duration.ofMillis(300);
        config.joinPollAfterSeconds = 0;
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
            overrides.put("gis.retry.max-retries", "2");
            overrides.put("gis.retry.initial-delay", "10ms");
            overrides.put("gis.retry.max-delay", "20ms");
            overrides.putAll(properties);
            OneShotCamel camel = OneShotCamel.start(ConfigFiles.locate(), overrides, List.of(new SiteJoinBeans()), routeFiles);
            return new SiteJoinWorld(arcgis, camel, reports, inbox);
        } catch (Exception | Error e) {
            arcgis.close();
            throw e;
        }
    }

    /** Sends a request (a {@link SiteJoinRequest}, its JSON text, or null for the configured machine) to the chain. */
    Exchange join(Object request) {
        return camel.producer().send("direct:site-join", exchange -> exchange.getMessage().setBody(request));
    }

    Exchange joinFresh(String cluster) {
        return join("{\"machine\":\"" + arcgis.freshMachineUrl() + "\",\"cluster\":\"" + cluster + "\"}");
    }

    static SiteJoinRun run(Exchange exchange) {
        return exchange.getProperty(SiteJoinRun.PROPERTY, SiteJoinRun.class);
    }

    static StepResult step(Exchange exchange, Step step) {
        return run(exchange).report().step(step).orElseThrow(() -> new AssertionError(step + " was not reached"));
    }

    static JsonNode reportFile(Exchange exchange) throws IOException {
        return new ObjectMapper().readTree(Files.readString(run(exchange).reportFile().orElseThrow()));
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
