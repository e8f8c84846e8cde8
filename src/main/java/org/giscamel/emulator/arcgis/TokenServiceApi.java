package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.ArcGisFormat;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.TokenAuthority;

import java.util.Optional;

/**
 * The site's token service for secured services ({@code /tokens/generateToken}, POST only as servers ship) and
 * {@code /rest/info}, through which clients such as REST-JS and the ArcGIS API for Python discover it.
 */
final class TokenServiceApi {

    private final ArcGisEmulatorConfig config;
    private final ArcGisSite site;
    private final TokenAuthority tokens;
    private final TokenIssuer issuer;

    TokenServiceApi(ArcGisEmulatorConfig config, ArcGisSite site, TokenAuthority tokens, TokenIssuer issuer) {
        this.config = config;
        this.site = site;
        this.tokens = tokens;
        this.issuer = issuer;
    }

    void register(Router router) {
        String context = "/" + config.context;
        router.post(context + "/tokens/generateToken", ArcGisFormat.honoured(this::generateToken));
        // rest/info of some servers advertises ".../tokens/" as the token service URL.
        router.post(context + "/tokens", ArcGisFormat.honoured(this::generateToken));
        router.read(context + "/rest/info", ArcGisFormat.honoured(this::info));
        router.read(context + "/rest/info/healthCheck",
                ArcGisFormat.honoured(request -> EmulatorResponse.json(Json.object().put("success", true))));
    }

    private EmulatorResponse generateToken(EmulatorRequest request) {
        Optional<String> exchanged = request.nonBlankParam("token").filter(t -> request.nonBlankParam("username").isEmpty());
        try {
            TokenAuthority.Token token;
            if (exchanged.isPresent()) {
                TokenAuthority.Check check = tokens.check(exchanged.get());
                if (check != TokenAuthority.Check.VALID) {
                    return ArcGisErrors.tokenProblem(request, check);
                }
                token = issuer.exchange(request, tokens.find(exchanged.get()).orElseThrow(), site.siteUrl());
            } else {
                token = issuer.forCredentials(request);
            }
            return EmulatorResponse.json(TokenIssuer.reply(token, config.variants.servicesTokenExpires).put("ssl", false));
        } catch (TokenIssuer.Refusal refusal) {
            return EmulatorResponse.json(ArcGisErrors.services(400, TokenIssuer.UNABLE, refusal.details()));
        }
    }

    private EmulatorResponse info(EmulatorRequest request) {
        ObjectNode body = Json.object()
                .put("currentVersion", new ArcGisVersion(config.variants.version).number())
                .put("fullVersion", new ArcGisVersion(config.variants.version).full())
                .put("soapUrl", site.siteUrl() + "/services")
                .putNull("secureSoapUrl");
        body.putObject("authInfo")
                .put("isTokenBasedSecurity", true)
                .put("tokenServicesUrl", site.siteUrl() + "/tokens/generateToken")
                .put("shortLivedTokenValidity", config.defaultTokenMinutes);
        return EmulatorResponse.json(body);
    }
}
