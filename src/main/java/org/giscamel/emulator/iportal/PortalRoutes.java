package org.giscamel.emulator.iportal;

import org.giscamel.emulator.http.EmulatorHandler;
import org.giscamel.emulator.http.Router;

import java.util.Set;

/**
 * Registers portal resources under the web context with their {@code .json}/{@code .rjson} suffix (the formats
 * clients use), and renders {@link IPortalException}s in the portal's envelope.
 */
final class PortalRoutes {

    static final Set<String> READ = Set.of("GET", "HEAD");
    private static final String FORMAT = "{format:\\.json|\\.rjson}";

    private final Router router;
    private final String context;

    PortalRoutes(Router router, String context) {
        this.router = router;
        this.context = context;
    }

    /** {@code resource} is the path after the context, e.g. {@code /web/services/{id:\d+}}. */
    PortalRoutes on(Set<String> methods, String resource, EmulatorHandler handler) {
        router.on(methods, "/" + context + resource + FORMAT, request -> {
            try {
                return handler.handle(request);
            } catch (IPortalException e) {
                return IPortalErrors.failure(e.status(), e.getMessage());
            }
        });
        return this;
    }
}
