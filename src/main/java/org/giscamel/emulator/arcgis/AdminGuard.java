package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.ArcGisFormat;
import org.giscamel.emulator.arcgis.rest.PresentedToken;
import org.giscamel.emulator.http.EmulatorHandler;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.TokenAuthority;

/**
 * What stands before every Administrator API resource of one machine: the machine's standing towards the site
 * (restarting, not in any site, in another site) and then the token. It also renders refused operations.
 */
final class AdminGuard {

    private final ArcGisSite site;
    private final ServerMachine machine;
    private final TokenAuthority tokens;
    private final ArcGisVariants variants;

    AdminGuard(ArcGisSite site, ServerMachine machine, TokenAuthority tokens, ArcGisVariants variants) {
        this.site = site;
        this.machine = machine;
        this.tokens = tokens;
        this.variants = variants;
    }

    ServerMachine machine() {
        return machine;
    }

    ServerMachine.Participation participation() {
        return site.participation(machine);
    }

    /** A read resource: GET and POST, as CHEF and GITOPS fetch resources with GET and REST-JS POSTs everything. */
    void resource(Router router, String pattern, EmulatorHandler handler) {
        router.read(pattern, ArcGisFormat.honoured(secured(handler)));
    }

    /** An operation: POST only. A GET still needs a token first, then learns the method is not supported. */
    void operation(Router router, String pattern, EmulatorHandler handler) {
        router.post(pattern, ArcGisFormat.honoured(secured(handler)));
        router.get(pattern, ArcGisFormat.honoured(secured(request -> refused(methodNotSupported()))));
    }

    EmulatorHandler secured(EmulatorHandler handler) {
        return request -> switch (participation()) {
            case RESTARTING -> restarting();
            case NOT_IN_SITE -> notInSite();
            // That site's user store knows neither our credentials nor our tokens.
            case IN_ANOTHER_SITE -> ArcGisErrors.tokenProblem(request, PresentedToken.of(request).isPresent()
                    ? TokenAuthority.Check.UNKNOWN : TokenAuthority.Check.MISSING);
            case IN_SITE -> {
                TokenAuthority.Check check = PresentedToken.check(tokens, request);
                yield check == TokenAuthority.Check.VALID ? rendered(handler, request) : ArcGisErrors.tokenProblem(request, check);
            }
        };
    }

    static EmulatorResponse rendered(EmulatorHandler handler, EmulatorRequest request) throws Exception {
        try {
            return handler.handle(request);
        } catch (AdminException refusal) {
            return refused(refusal);
        }
    }

    static EmulatorResponse refused(AdminException refusal) {
        return EmulatorResponse.json(ArcGisErrors.admin(refusal.code(), refusal.messages()));
    }

    static AdminException methodNotSupported() {
        return new AdminException(405, "Method not supported");
    }

    /** A machine that restarts after joining a site is unreachable for a while: 503s or dropped connections. */
    EmulatorResponse restarting() {
        if (variants.restartWindow == ArcGisVariants.RestartWindow.CONNECTION_DROP) {
            return EmulatorResponse.dropConnection();
        }
        return EmulatorResponse.json(503, ArcGisErrors.admin(503, "ArcGIS Server is restarting. Try again later."));
    }

    /**
     * A machine in no site answers with this InvalidSiteException text and a code other than 499, which is how
     * CHEF and GITOPS tell it from a site member (they test {@code code == 499}, and GITOPS needs a code).
     */
    EmulatorResponse notInSite() {
        return EmulatorResponse.json(ArcGisErrors.admin(500, "Local machine '" + machine.name()
                + "' is not participating in any Site. Please create a new Site or join an existing Site."));
    }
}
