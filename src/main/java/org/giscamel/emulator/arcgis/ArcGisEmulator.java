package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.arcgis.gp.GeoprocessingApi;
import org.giscamel.emulator.arcgis.gp.GpJobs;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.ArcGisFormat;
import org.giscamel.emulator.arcgis.rest.ServiceAccess;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.EmulatorHttpServer;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.FaultInjector;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.TokenAuthority;
import org.giscamel.emulator.http.Variants;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * The ArcGIS Server emulator: a one-machine site ({@link #siteUrl()}) and a fresh machine that is in no site yet
 * ({@link #freshMachineUrl()}), each on its own loopback port, sharing one token authority, one fault injector
 * and one request log.
 *
 * <pre>
 * try (ArcGisEmulator arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults())) {
 *     String services = arcgis.siteUrl() + "/rest/services";
 * }
 * </pre>
 */
public final class ArcGisEmulator implements AutoCloseable {

    private final ArcGisEmulatorConfig config;
    private final TokenAuthority tokens;
    private final ServiceCatalog catalog;
    private final ArcGisSite site;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requests = new RequestLog();
    private final EmulatorHttpServer siteServer;
    private final EmulatorHttpServer freshServer;
    private final GeoprocessingApi geoprocessing;

    private ArcGisEmulator(ArcGisEmulatorConfig config) throws IOException {
        this.config = config;
        this.tokens = new TokenAuthority(config.clock, config.defaultTokenMinutes, config.maxTokenMinutes);
        this.catalog = config.demoCatalog ? ServiceCatalog.demo() : new ServiceCatalog();
        ServerMachine siteMachine = new ServerMachine(config.siteMachineName, false);
        ServerMachine freshMachine = new ServerMachine(config.freshMachineName, config.freshMachineInAnotherSite);
        this.site = new ArcGisSite(config, siteMachine);
        TokenIssuer issuer = new TokenIssuer(config, tokens);

        Router siteRouter = new Router();
        new TokenServiceApi(config, site, tokens, issuer).register(siteRouter);
        new SiteAdminApi(config, site, siteMachine, tokens, issuer).register(siteRouter);
        new CatalogControlApi(catalog).register(siteRouter);
        Variants.register(siteRouter, config.variants, ArcGisVariants::profile);
        // Before the services directory, whose routes match every path under rest/services.
        this.geoprocessing = new GeoprocessingApi(config.gpHost(), config.gp, tokens, catalog);
        geoprocessing.register(siteRouter);
        new ServicesDirectoryApi(config, catalog, new ServiceAccess(catalog, tokens)).register(siteRouter);

        Router freshRouter = new Router();
        new SiteAdminApi(config, site, freshMachine, tokens, issuer).register(freshRouter);
        Variants.register(freshRouter, config.variants, ArcGisVariants::profile);

        ArcGisErrors errors = new ArcGisErrors();
        UnaryOperator<EmulatorResponse> jsonLabel = ArcGisFormat.labelled(
                () -> config.variants.jsonContentType == ArcGisVariants.JsonContentType.TEXT_PLAIN);
        this.siteServer = new EmulatorHttpServer("arcgis-site", config.sitePort, siteRouter, errors, faults, requests,
                tokens::expireAll, jsonLabel);
        try {
            this.freshServer = new EmulatorHttpServer("arcgis-fresh", config.freshMachinePort, freshRouter, errors,
                    faults, requests, tokens::expireAll, jsonLabel);
        } catch (IOException | RuntimeException e) {
            siteServer.close();
            throw e;
        }
        siteMachine.bind(siteServer.baseUrl() + "/" + config.context);
        freshMachine.bind(freshServer.baseUrl() + "/" + config.context);
    }

    public static ArcGisEmulator start(ArcGisEmulatorConfig config) throws IOException {
        return new ArcGisEmulator(config);
    }

    /** {@code http://127.0.0.1:<port>/arcgis} of the site's first machine. */
    public String siteUrl() {
        return site.siteUrl();
    }

    /** {@code http://127.0.0.1:<port>/arcgis} of the machine that is not yet in a site. */
    public String freshMachineUrl() {
        return freshServer.baseUrl() + "/" + config.context;
    }

    public ArcGisEmulatorConfig config() {
        return config;
    }

    public TokenAuthority tokens() {
        return tokens;
    }

    public ArcGisSite site() {
        return site;
    }

    public ServiceCatalog catalog() {
        return catalog;
    }

    /** The GP job engine: script outcomes, inspect jobs and their outputs. */
    public GpJobs gp() {
        return geoprocessing.jobs();
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    @Override
    public void close() {
        siteServer.close();
        freshServer.close();
    }
}
