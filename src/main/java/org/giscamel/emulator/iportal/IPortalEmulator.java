package org.giscamel.emulator.iportal;

import org.giscamel.emulator.http.EmulatorHttpServer;
import org.giscamel.emulator.http.FaultInjector;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.Variants;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An emulated SuperMap iPortal on loopback: login and tokens, the {@code /web/services} registry and the gateway
 * resource search, with iPortal's quirks (JSON bodies under a form Content-Type, bare token text, unquoted array
 * parameters, string {@code newResourceID}, full-body PUTs that change nothing).
 *
 * <pre>{@code
 * try (IPortalEmulator portal = IPortalEmulator.start(IPortalEmulatorConfig.defaults())) {
 *     String url = portal.url();              // http://127.0.0.1:<port>/iportal
 *     portal.registry().add(ServiceRegistration.builder("other", "ARCGIS_REST", "http://h/arcgis/rest/services/A/MapServer").build());
 * }
 * }</pre>
 */
public final class IPortalEmulator implements AutoCloseable {

    private final IPortalEmulatorConfig config;
    private final ServiceRegistry registry;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requests = new RequestLog();
    private final EmulatorHttpServer server;

    private IPortalEmulator(IPortalEmulatorConfig config) throws IOException {
        this.config = config;
        this.registry = new ServiceRegistry(config.clock);
        PortalAuth auth = new PortalAuth(config);
        AtomicReference<String> url = new AtomicReference<>();
        Router router = new Router();
        PortalRoutes routes = new PortalRoutes(router, config.context);
        new AuthResource(auth, config.context).register(routes);
        new ServicesResource(registry, auth, config, url::get).register(routes);
        new GatewaySearchResource(registry, auth, config).register(routes);
        Variants.register(router, config.variants, IPortalVariants::profile);
        this.server = new EmulatorHttpServer("iportal", config.port, router, new IPortalErrors(), faults, requests,
                auth::expireAll);
        url.set(url());
    }

    public static IPortalEmulator start(IPortalEmulatorConfig config) throws IOException {
        return new IPortalEmulator(config);
    }

    /** {@code http://127.0.0.1:<port>/iportal} */
    public String url() {
        return server.baseUrl() + "/" + config.context;
    }

    public int port() {
        return server.port();
    }

    public IPortalEmulatorConfig config() {
        return config;
    }

    /** The stored registrations, for test setup and assertions. */
    public ServiceRegistry registry() {
        return registry;
    }

    /** Faults to inject; also armed over HTTP with {@code POST /__emulator/faults}. */
    public FaultInjector faults() {
        return faults;
    }

    /** What the portal received: method, path and status, never parameter values. */
    public RequestLog requests() {
        return requests;
    }

    @Override
    public void close() {
        server.close();
    }
}
