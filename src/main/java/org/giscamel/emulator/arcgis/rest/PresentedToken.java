package org.giscamel.emulator.arcgis.rest;

import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.TokenAuthority;

import java.util.Optional;

/**
 * Where a request to ArcGIS Server carries its token: the {@code token} parameter, {@code X-Esri-Authorization:
 * Bearer} or {@code Authorization: Bearer}.
 */
public final class PresentedToken {

    private PresentedToken() {
    }

    /** The token a request carries, from the parameter or either bearer header. */
    public static Optional<String> of(EmulatorRequest request) {
        Optional<String> param = request.nonBlankParam("token");
        if (param.isPresent()) {
            return param;
        }
        return request.header("X-Esri-Authorization").or(() -> request.header("Authorization"))
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    /** What the request's token is to {@code tokens}. */
    public static TokenAuthority.Check check(TokenAuthority tokens, EmulatorRequest request) {
        return tokens.check(of(request).orElse(null));
    }
}
