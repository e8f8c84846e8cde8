package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.ArcGisFormat;
import org.giscamel.emulator.arcgis.rest.CatalogEntry;
import org.giscamel.emulator.arcgis.rest.ServiceAccess;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The services directory: {@code rest/services} (root), {@code rest/services/<folder>}, service metadata
 * {@code rest/services/<name>/<Type>}, layer metadata {@code .../MapServer/<id>} and every map service's
 * {@code export} ({@link CatalogMaps}). Its routes match every path under {@code rest/services}, so they are
 * registered after the more specific ones (GPServer tasks and jobs, result map services).
 */
final class ServicesDirectoryApi {

    private final ArcGisEmulatorConfig config;
    private final ServiceCatalog catalog;
    private final ServiceAccess access;
    private final CatalogMaps maps;

    /** A service path split into the service it names and what follows the type. */
    private record Located(String name, String type, List<String> rest) {
        String folder() {
            return CatalogEntry.folderOf(name);
        }
    }

    ServicesDirectoryApi(ArcGisEmulatorConfig config, ServiceCatalog catalog, ServiceAccess access) {
        this.config = config;
        this.catalog = catalog;
        this.access = access;
        this.maps = new CatalogMaps(config.context, access);
    }

    void register(Router router) {
        String services = "/" + config.context + "/rest/services";
        router.read(services, ArcGisFormat.honoured(
                request -> EmulatorResponse.json(listing(request, catalog.folders(), ServiceCatalog.ROOT))));
        router.read(services + "/{path:.+}", ArcGisFormat.honoured(this::resolve));
        maps.register(router);
    }

    private EmulatorResponse resolve(EmulatorRequest request) {
        String[] segments = request.pathVariable("path").split("/");
        if (segments.length == 1) {
            return folder(request, segments[0]);
        }
        Located located = locate(segments);
        Optional<EmulatorResponse> denied = access.denialForService(request, located.name());
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<CatalogEntry> entry = catalog.find(located.name(), located.type());
        if (entry.isEmpty()) {
            return notFound(located);
        }
        JsonNode metadata = metadata(entry.get());
        if (located.rest().isEmpty()) {
            return EmulatorResponse.json(metadata);
        }
        if (located.type().equals("MapServer") && located.rest().equals(List.of("export"))) {
            return maps.export(request, entry.get(), metadata);
        }
        return layer(metadata, located).map(EmulatorResponse::json).orElseGet(ServicesDirectoryApi::invalidUrl);
    }

    private EmulatorResponse folder(EmulatorRequest request, String folder) {
        if (!catalog.hasFolder(folder)) {
            // Message text unverified; code and envelope as for a missing service.
            return EmulatorResponse.json(ArcGisErrors.services(404, "Folder not found", List.of()));
        }
        return access.denial(request, folder)
                .orElseGet(() -> EmulatorResponse.json(listing(request, List.of(), folder)));
    }

    /**
     * Folders are one level deep, so a service is {@code Name/Type} or {@code Folder/Name/Type}. A name that
     * exists wins; otherwise the shape of the path decides which service the 404 names.
     */
    private Located locate(String[] s) {
        Located atRoot = new Located(s[0], s[1], Arrays.asList(s).subList(2, s.length));
        if (s.length < 3) {
            return atRoot;
        }
        Located inFolder = new Located(s[0] + "/" + s[1], s[2], Arrays.asList(s).subList(3, s.length));
        if (catalog.find(inFolder.name(), inFolder.type()).isPresent()) {
            return inFolder;
        }
        if (catalog.find(atRoot.name(), atRoot.type()).isPresent()) {
            return atRoot;
        }
        boolean folderShaped = catalog.hasFolder(s[0]) || (!looksLikeType(s[1]) && looksLikeType(s[2]));
        return folderShaped ? inFolder : atRoot;
    }

    private static boolean looksLikeType(String segment) {
        return segment.endsWith("Server");
    }

    private JsonNode metadata(CatalogEntry entry) {
        return entry.metadata() != null
                ? entry.metadata().get()
                : DefaultServiceMetadata.of(entry, catalog, currentVersion());
    }

    /** {@code MapServer/<id>} or {@code FeatureServer/<id>}, for a layer the service's metadata lists. */
    private Optional<JsonNode> layer(JsonNode metadata, Located located) {
        if (located.rest().size() != 1 || !located.rest().get(0).matches("\\d{1,9}")
                || !(located.type().equals("MapServer") || located.type().equals("FeatureServer"))) {
            return Optional.empty();
        }
        int id = Integer.parseInt(located.rest().get(0));
        return StreamSupport.stream(metadata.path("layers").spliterator(), false)
                .filter(l -> l.path("id").asInt(-1) == id)
                .findFirst()
                .map(l -> DefaultServiceMetadata.layer(l, located.type(), currentVersion()));
    }

    /**
     * Real servers answer a FeatureServer URL of a missing service with the MapServer name (a feature service
     * is an extension of a map service), with HTTP 200 and a trailing space in the message.
     */
    private static EmulatorResponse notFound(Located located) {
        String type = located.type().equals("FeatureServer") ? "MapServer" : located.type();
        return EmulatorResponse.json(ArcGisErrors.services(404,
                "Service " + located.name() + "/" + type + " not found ", List.of()));
    }

    private static EmulatorResponse invalidUrl() {
        return EmulatorResponse.json(ArcGisErrors.services(400, "Invalid URL", List.of("Invalid URL")));
    }

    /** A folder's listing; secured services of a public folder are left out of an anonymous one when hidden. */
    private ObjectNode listing(EmulatorRequest request, List<String> folders, String folder) {
        ObjectNode body = Json.object().put("currentVersion", currentVersion());
        ArrayNode folderList = body.putArray("folders");
        folders.forEach(folderList::add);
        ArrayNode serviceList = body.putArray("services");
        boolean hideSecured = config.variants.securedRootServices == ArcGisVariants.SecuredRootServices.HIDDEN
                && !catalog.isSecuredFolder(folder) && !access.authenticated(request);
        catalog.services(folder).stream()
                .filter(s -> !(hideSecured && catalog.isSecuredService(s.name())))
                .forEach(s -> serviceList.addObject().put("name", s.name()).put("type", s.type()));
        return body;
    }

    private BigDecimal currentVersion() {
        return new ArcGisVersion(config.variants.version).number();
    }
}
