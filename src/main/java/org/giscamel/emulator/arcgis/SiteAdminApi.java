package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.ArcGisFormat;
import org.giscamel.emulator.arcgis.rest.PresentedToken;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.TokenAuthority;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The Administrator API ({@code /arcgis/admin}) of one machine: the site root, info, local, generateToken,
 * createNewSite and joinSite, plus the machines and clusters resources. The site machine and the fresh machine each get an
 * instance; once the fresh machine has joined, both serve the same site state.
 */
final class SiteAdminApi {

    private static final List<String> SITE_RESOURCES = List.of("machines", "clusters", "system", "services",
            "security", "data", "uploads", "logs", "mode", "usagereports");

    private final ArcGisEmulatorConfig config;
    private final ArcGisSite site;
    private final TokenAuthority tokens;
    private final TokenIssuer issuer;
    private final AdminGuard guard;
    private final String admin;

    SiteAdminApi(ArcGisEmulatorConfig config, ArcGisSite site, ServerMachine machine, TokenAuthority tokens,
                 TokenIssuer issuer) {
        this.config = config;
        this.site = site;
        this.tokens = tokens;
        this.issuer = issuer;
        this.guard = new AdminGuard(site, machine, tokens, config.variants);
        this.admin = "/" + config.context + "/admin";
    }

    void register(Router router) {
        guard.resource(router, admin, this::siteRoot);
        router.read(admin + "/generateToken", ArcGisFormat.honoured(this::generateToken));
        router.post(admin + "/joinSite", ArcGisFormat.honoured(this::joinSite));
        router.get(admin + "/joinSite", ArcGisFormat.honoured(request -> AdminGuard.refused(AdminGuard.methodNotSupported())));
        router.post(admin + "/createNewSite", ArcGisFormat.honoured(this::createNewSite));
        router.get(admin + "/createNewSite", ArcGisFormat.honoured(request -> AdminGuard.refused(AdminGuard.methodNotSupported())));
        router.read(admin + "/local", ArcGisFormat.honoured(this::local));
        guard.resource(router, admin + "/info", this::info);
        new MachinesAdminApi(site, guard, admin).register(router);
        new ClustersAdminApi(site, guard, admin).register(router);
        // Registered last so that every other admin path, and every path while restarting, goes through the guard.
        guard.resource(router, admin + "/{unknown:.+}", request -> {
            String path = request.path();
            throw AdminException.notFound(path.substring(path.lastIndexOf('/') + 1));
        });
    }

    private EmulatorResponse siteRoot(EmulatorRequest request) {
        ObjectNode body = Json.object();
        SITE_RESOURCES.forEach(body.putArray("resources")::add);
        body.put("currentVersion", new ArcGisVersion(config.variants.version).number());
        return EmulatorResponse.json(body);
    }

    private EmulatorResponse generateToken(EmulatorRequest request) {
        return switch (guard.participation()) {
            case RESTARTING -> guard.restarting();
            case NOT_IN_SITE -> guard.notInSite();
            case IN_ANOTHER_SITE -> AdminGuard.refused(
                    new AdminException(400, TokenIssuer.UNABLE, TokenIssuer.INVALID_CREDENTIALS));
            case IN_SITE -> {
                try {
                    TokenAuthority.Token token = issuer.forCredentials(request);
                    yield EmulatorResponse.json(TokenIssuer.reply(token, config.variants.adminTokenExpires));
                } catch (TokenIssuer.Refusal refusal) {
                    yield AdminGuard.refused(new AdminException(400, Stream.concat(
                            Stream.of(TokenIssuer.UNABLE), refusal.details().stream()).toArray(String[]::new)));
                }
            }
        };
    }

    /**
     * joinSite carries the site's credentials instead of a token, so it is answered without one. On a machine that
     * already takes part in a site it is refused outright (CHEF and DSC check this first and skip the call).
     */
    private EmulatorResponse joinSite(EmulatorRequest request) throws Exception {
        return switch (guard.participation()) {
            case RESTARTING -> guard.restarting();
            case IN_SITE, IN_ANOTHER_SITE -> AdminGuard.refused(ArcGisSite.alreadyInSite(guard.machine().name()));
            case NOT_IN_SITE -> AdminGuard.rendered(this::join, request);
        };
    }

    /** {@code pullLicense} (GITOPS sends Python's "False") is accepted and changes nothing in the emulator. */
    private EmulatorResponse join(EmulatorRequest request) {
        String adminUrl = request.nonBlankParam("adminURL").orElseThrow(() -> AdminException.missing("adminURL"));
        if (!site.isSiteAdminUrl(adminUrl)) {
            throw new AdminException(500, "Failed to join the site. The site at '" + adminUrl + "' could not be reached.");
        }
        if (!issuer.knowsCredentials(request)) {
            throw new AdminException(400, "Failed to join the site. " + TokenIssuer.INVALID_CREDENTIALS);
        }
        site.join(guard.machine());
        return EmulatorResponse.json(Json.object().put("status", "success").put("pollAfter", config.joinPollAfterSeconds));
    }

    /**
     * createNewSite carries the administrator to create instead of a token. "This operation is available only when a
     * server machine is not participating in a site" (DOC:createsite); no text is published for the refusal.
     */
    private EmulatorResponse createNewSite(EmulatorRequest request) throws Exception {
        return switch (guard.participation()) {
            case RESTARTING -> guard.restarting();
            case IN_SITE, IN_ANOTHER_SITE -> AdminGuard.refused(new AdminException(400, "Machine '"
                    + guard.machine().name() + "' is already participating in a Site. This operation is available "
                    + "only when a server machine is not participating in a site."));
            case NOT_IN_SITE -> AdminGuard.rendered(this::create, request);
        };
    }

    /**
     * The parameters DSC and GITOPS send: the administrator, {@code configStoreConnection} (or GITOPS's
     * {@code cloudConfigJson}) and {@code directories} as JSON, {@code runAsync}, and log settings, which are
     * accepted and change nothing here. The reply comes once the site exists (runAsync false, as both send).
     */
    private EmulatorResponse create(EmulatorRequest request) {
        String username = request.nonBlankParam("username").orElseThrow(() -> AdminException.missing("username"));
        String password = request.nonBlankParam("password").orElseThrow(() -> AdminException.missing("password"));
        if (request.nonBlankParam("cloudConfigJson").isEmpty()) {
            JsonNode store = Json.parseParam("configStoreConnection", request.nonBlankParam("configStoreConnection")
                    .orElseThrow(() -> AdminException.missing("configStoreConnection")));
            if (store.path("type").asText("").isBlank() || store.path("connectionString").asText("").isBlank()) {
                throw new AdminException(400, "'configStoreConnection' needs a 'type' and a 'connectionString'.");
            }
        }
        request.nonBlankParam("directories").ifPresent(text -> {
            JsonNode directories = Json.parseParam("directories", text).path("directories");
            if (!directories.isArray()) {
                throw new AdminException(400, "'directories' must hold a list of 'directories'.");
            }
            directories.forEach(d -> {
                if (d.path("name").asText("").isBlank() || d.path("physicalPath").asText("").isBlank()
                        || d.path("directoryType").asText("").isBlank()) {
                    throw new AdminException(400, "Each server directory needs a 'name', a 'physicalPath' and a 'directoryType'.");
                }
            });
        });
        site.create(guard.machine(), username, password);
        ObjectNode reply = Json.object().put("status", "success");
        if (config.variants.createSitePollAfter == ArcGisVariants.CreateSitePollAfter.SECONDS) {
            reply.put("pollAfter", config.createPollAfterSeconds);
        }
        return EmulatorResponse.json(reply);
    }

    /**
     * No source says what admin/local answers on a machine in no site (the real clients read it only after the
     * join, with a token), so it is a switch: the name, or the InvalidSiteException of every other resource.
     */
    private EmulatorResponse local(EmulatorRequest request) throws Exception {
        if (guard.participation() == ServerMachine.Participation.NOT_IN_SITE
                && config.variants.freshMachineLocal == ArcGisVariants.FreshMachineLocal.NAME) {
            return localMachine(request);
        }
        return guard.secured(this::localMachine).handle(request);
    }

    private EmulatorResponse localMachine(EmulatorRequest request) {
        return EmulatorResponse.json(Json.object().put("machineName", guard.machine().name()));
    }

    private EmulatorResponse info(EmulatorRequest request) {
        ZoneId zone = config.clock.getZone();
        ObjectNode body = Json.object()
                .put("currentversion", config.variants.version)
                .put("currentbuild", config.build)
                .put("fullVersion", new ArcGisVersion(config.variants.version).full());
        body.putObject("timezone")
                .put("displayname", zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .put("windowsid", "")
                .put("olsonid", zone.getId())
                .put("daylightsavings", String.valueOf(zone.getRules().isDaylightSavings(config.clock.instant())));
        body.put("loggedInUser", PresentedToken.of(request).flatMap(tokens::find)
                        .map(TokenAuthority.Token::username).orElse(""))
                .put("loggedInUserPrivilege", "ADMINISTER");
        return EmulatorResponse.json(body);
    }
}
