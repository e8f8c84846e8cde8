package org.giscamel.emulator.arcgis.gp;

import org.giscamel.emulator.arcgis.rest.ServiceAccess;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.TokenAuthority;

import java.math.BigDecimal;
import java.util.List;

/**
 * The emulated site's geoprocessing services: GPServer resources, result map services, output directories and
 * the {@code /__emulator/gp} control API. {@link #register} adds the routes (before the services directory's,
 * which match every path under rest/services) and lists the services in the catalog.
 *
 * <pre>
 * GeoprocessingApi gp = new GeoprocessingApi(config.gpHost(), GpSettings.defaults(), tokens, catalog);
 * gp.register(router);
 * gp.jobs().scriptNext(GpOutcome.FAILED, 2);   // the next two jobs fail
 * </pre>
 */
public final class GeoprocessingApi {

    private final GpHost host;
    private final GpSettings settings;
    private final List<GpService> services;
    private final ServiceCatalog catalog;
    private final GpJobs jobs;
    private final GpHttp http;
    private final BigDecimal currentVersion;

    public GeoprocessingApi(GpHost host, GpSettings settings, TokenAuthority tokens, ServiceCatalog catalog) {
        this(host, settings, tokens, catalog, DemoGpServices.all());
    }

    public GeoprocessingApi(GpHost host, GpSettings settings, TokenAuthority tokens, ServiceCatalog catalog,
                            List<GpService> services) {
        this.host = host;
        this.settings = settings;
        this.services = List.copyOf(services);
        this.catalog = catalog;
        this.jobs = new GpJobs(settings, host.clock(), new GpUploads(host.clock()));
        this.http = new GpHttp(host.context(), settings, new ServiceAccess(catalog, tokens));
        this.currentVersion = host.currentVersion();
    }

    /**
     * Adds the routes and the catalog entries (each GPServer, each result MapServer). With
     * {@link GpSettings#requireToken} the services' folders become secured folders of the catalog, so every GP
     * resource and output file needs a token; the setting is read here, once.
     */
    public Router register(Router router) {
        ResultMaps maps = new ResultMaps(http, jobs, currentVersion);
        GpResultValues values = new GpResultValues(http, jobs, maps, host.resultsLagReads());
        GpServiceResources resources = new GpServiceResources(http, jobs, jobs.uploads(), settings, values, currentVersion);
        GpDirectories directories = new GpDirectories(http, jobs);
        for (GpService service : services) {
            resources.register(router, service);
            maps.register(router, service);
            directories.register(router, service);
            catalog.add(service.name(), "GPServer", () -> service.toJson(currentVersion, settings.maximumRecords));
            if (service.hasResultMapService()) {
                catalog.add(service.resultMapServiceName(), "MapServer", () -> maps.mapJson(service));
            }
            if (settings.requireToken && service.name().contains("/")) {
                catalog.secureFolder(service.name().substring(0, service.name().indexOf('/')));
            }
        }
        new GpControl(jobs, settings).register(router);
        return router;
    }

    /** The job engine: script outcomes, find jobs, read their output files. */
    public GpJobs jobs() {
        return jobs;
    }

    public GpSettings settings() {
        return settings;
    }

    public List<GpService> services() {
        return services;
    }

}
