package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;

/**
 * Changes the services directory at run time, for the demo and for curl users:
 * <pre>
 * GET  /__emulator/catalog                                        size, folders, secured folders
 * POST /__emulator/catalog?action=add&amp;name=Folder/Name&amp;type=MapServer
 * POST /__emulator/catalog?action=remove&amp;name=Folder/Name&amp;type=MapServer
 * POST /__emulator/catalog?action=rename&amp;name=Folder/Name&amp;newName=Other/Name
 * POST /__emulator/catalog?action=generate&amp;services=10000&amp;folders=100
 * POST /__emulator/catalog?action=secure&amp;folder=Name
 * POST /__emulator/catalog?action=secureService&amp;name=Folder/Name               one service needs a token
 * </pre>
 */
final class CatalogControlApi {

    private static final String PATH = "/__emulator/catalog";

    private final ServiceCatalog catalog;

    CatalogControlApi(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    void register(Router router) {
        router.get(PATH, request -> EmulatorResponse.json(summary()));
        router.post(PATH, this::change);
    }

    private EmulatorResponse change(EmulatorRequest request) {
        String action = required(request, "action");
        try {
            switch (action) {
                case "add" -> catalog.add(required(request, "name"), required(request, "type"));
                case "remove" -> {
                    if (!catalog.remove(required(request, "name"), required(request, "type"))) {
                        throw new BadRequestException("No such service");
                    }
                }
                case "rename" -> catalog.rename(required(request, "name"), required(request, "newName"));
                case "generate" -> catalog.generate(number(request, "services"), number(request, "folders"));
                case "secure" -> catalog.secureFolder(required(request, "folder"));
                case "secureService" -> catalog.secureService(required(request, "name"));
                default -> throw new BadRequestException("Unknown action '" + action + "'");
            }
        } catch (IllegalArgumentException refused) {
            throw new BadRequestException(refused.getMessage());
        }
        return EmulatorResponse.json(summary().put("status", "success"));
    }

    private ObjectNode summary() {
        ObjectNode body = Json.object().put("size", catalog.size());
        catalog.folders().forEach(body.putArray("folders")::add);
        catalog.securedFolders().forEach(body.putArray("securedFolders")::add);
        catalog.securedServices().forEach(body.putArray("securedServices")::add);
        return body;
    }

    private static String required(EmulatorRequest request, String name) {
        return request.nonBlankParam(name).orElseThrow(() -> new BadRequestException("'" + name + "' is required"));
    }

    private static int number(EmulatorRequest request, String name) {
        try {
            return Integer.parseInt(required(request, name).trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("'" + name + "' must be a number");
        }
    }
}
