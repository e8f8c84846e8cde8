package org.giscamel.emulator.arcgis.rest;

import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.TokenAuthority;

import java.util.Optional;

/**
 * Token checks of the services side: a secured folder, or a secured service in a public folder, answers HTTP 200
 * with 499 (GWM_0003) without a token and 498 with an unknown or expired one; the rest is public. Every route under
 * a secured service (metadata, GP tasks, jobs, export) applies the same check.
 */
public final class ServiceAccess {

    private final ServiceCatalog catalog;
    private final TokenAuthority tokens;

    public ServiceAccess(ServiceCatalog catalog, TokenAuthority tokens) {
        this.catalog = catalog;
        this.tokens = tokens;
    }

    /** The error to send when {@code folder} ("" for the root) needs a token the request lacks; empty when allowed. */
    public Optional<EmulatorResponse> denial(EmulatorRequest request, String folder) {
        return catalog.isSecuredFolder(folder) ? tokenDenial(request) : Optional.empty();
    }

    /** The same for a service such as {@code Secured/Parcels}: secured by its folder or on its own. */
    public Optional<EmulatorResponse> denialForService(EmulatorRequest request, String serviceName) {
        return catalog.isSecuredService(serviceName) ? tokenDenial(request) : Optional.empty();
    }

    /** True when the request carries a valid token, so that listings show secured services. */
    public boolean authenticated(EmulatorRequest request) {
        return PresentedToken.check(tokens, request) == TokenAuthority.Check.VALID;
    }

    private Optional<EmulatorResponse> tokenDenial(EmulatorRequest request) {
        TokenAuthority.Check check = PresentedToken.check(tokens, request);
        return check == TokenAuthority.Check.VALID ? Optional.empty() : Optional.of(ArcGisErrors.tokenProblem(request, check));
    }
}
