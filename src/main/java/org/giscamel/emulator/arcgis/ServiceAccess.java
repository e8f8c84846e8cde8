package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;

import java.util.Optional;

/**
 * Token checks of the services side: a secured folder answers HTTP 200 with 499 (GWM_0003) without a token and
 * 498 with an unknown or expired one; the root and other folders are public. Every route under a service of a
 * secured folder (metadata, GP tasks, jobs) applies the same check.
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
        if (!catalog.isSecuredFolder(folder)) {
            return Optional.empty();
        }
        TokenAuthority.Check check = tokens.check(request);
        return check == TokenAuthority.Check.VALID ? Optional.empty() : Optional.of(ArcGisErrors.tokenProblem(request, check));
    }

    /** {@link #denial(EmulatorRequest, String)} for the folder of a service name such as {@code Secured/Parcels}. */
    public Optional<EmulatorResponse> denialForService(EmulatorRequest request, String serviceName) {
        return denial(request, CatalogEntry.folderOf(serviceName));
    }
}
