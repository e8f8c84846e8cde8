package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.BadRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Reads and validates the JSON bodies of service registration (POST) and update (PUT). */
final class ServiceBodies {

    /** The only fields a PUT may carry (iportal-rest.md §5). */
    static final Set<String> EDITABLE = Set.of("authorizeSetting", "tags", "metadata", "thumbnail", "tokenRefreshUrl",
            "previewUrl");

    private ServiceBodies() {
    }

    /** A registration of the POST body for {@code owner}; the registry assigns id and times. */
    static ServiceRegistration.Builder registration(JsonNode body, String owner) {
        JsonNode object = requireObject(body);
        String type = text(object, "type").orElseThrow(() -> new BadRequestException("type is required"));
        if (!PortalEnums.SOURCE_TYPES.contains(type)) {
            throw new BadRequestException("Unknown service type '" + type + "'");
        }
        if (!object.has("tags")) {
            throw new BadRequestException("tags is required");
        }
        if (!object.has("authorizeSetting")) {
            throw new BadRequestException("authorizeSetting is required");
        }
        JsonNode metadata = object.path("metadata");
        if (!metadata.isObject()) {
            throw new BadRequestException("metadata is required");
        }
        String linkage = linkage(metadata)
                .orElseThrow(() -> new BadRequestException("metadata.distInfo.onLineSrc.linkage is required"));
        requireHttpUrl(linkage);
        String title = resTitle(metadata)
                .orElseThrow(() -> new BadRequestException("metadata.dataIdInfo.dataIdent.idCitation.resTitle is required"));
        List<String> mapNames = strings(object.path("addedMapNames"), "addedMapNames");
        List<String> sceneNames = strings(object.path("addedSceneNames"), "addedSceneNames");
        if (!PortalEnums.SUPERMAP_REST.equals(type) && (!mapNames.isEmpty() || !sceneNames.isEmpty())) {
            throw new BadRequestException("addedMapNames and addedSceneNames must be empty for " + type + " services");
        }
        return ServiceRegistration.builder(owner, type, linkage)
                .resTitle(title)
                .tags(strings(object.get("tags"), "tags"))
                .authorizeSetting(shares(object.get("authorizeSetting"), owner))
                .metadata(metadata)
                .addedMapNames(mapNames)
                .addedSceneNames(sceneNames)
                .tokenRefreshUrl(text(object, "tokenRefreshUrl").orElse(null))
                .previewUrl(text(object, "previewUrl").orElse(null));
    }

    /**
     * The edit a PUT body asks for. Empty reproduces iPortal's quirk: a body carrying any other ServiceInfo field
     * (a full ServiceInfo, as read by GET) "returns success but does not really update". A JSON null leaves the
     * field as it was.
     */
    static Optional<UnaryOperator<ServiceRegistration.Builder>> edit(JsonNode body, String owner) {
        JsonNode object = requireObject(body);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!EDITABLE.contains(names.next())) {
                return Optional.empty();
            }
        }
        List<UnaryOperator<ServiceRegistration.Builder>> edits = new ArrayList<>();
        present(object, "tags").map(n -> strings(n, "tags")).ifPresent(tags -> edits.add(b -> b.tags(tags)));
        present(object, "authorizeSetting").map(n -> shares(n, owner))
                .ifPresent(shares -> edits.add(b -> b.authorizeSetting(shares)));
        present(object, "metadata").map(ServiceBodies::requireMetadataObject).ifPresent(metadata -> {
            Optional<String> title = resTitle(metadata);
            edits.add(b -> title.map(b::resTitle).orElse(b).metadata(metadata));
        });
        present(object, "thumbnail").map(JsonNode::asText).ifPresent(t -> edits.add(b -> b.thumbnail(t)));
        present(object, "tokenRefreshUrl").map(JsonNode::asText).ifPresent(t -> edits.add(b -> b.tokenRefreshUrl(t)));
        present(object, "previewUrl").map(JsonNode::asText).ifPresent(t -> edits.add(b -> b.previewUrl(t)));
        return Optional.of(b -> {
            edits.forEach(e -> e.apply(b));
            return b;
        });
    }

    static Optional<String> resTitle(JsonNode metadata) {
        return nonBlank(metadata.path("dataIdInfo").path("dataIdent").path("idCitation").path("resTitle"));
    }

    static Optional<String> linkage(JsonNode metadata) {
        return nonBlank(metadata.path("distInfo").path("onLineSrc").path("linkage"));
    }

    /** Sharing entries; the owner's own USER entry is implicit, so it is not stored twice. */
    private static List<ShareEntity> shares(JsonNode node, String owner) {
        if (!node.isArray()) {
            throw new BadRequestException("authorizeSetting must be an array");
        }
        List<ShareEntity> shares = new ArrayList<>();
        for (JsonNode e : node) {
            String entityType = text(e, "entityType").orElse("");
            String permission = text(e, "permissionType").orElse("");
            if (!ShareEntity.ENTITY_TYPES.contains(entityType) || !ShareEntity.PERMISSION_TYPES.contains(permission)) {
                throw new BadRequestException("authorizeSetting entries need a known entityType and permissionType");
            }
            Integer entityId = e.path("entityId").isIntegralNumber() ? e.get("entityId").intValue() : null;
            ShareEntity share = new ShareEntity(entityType, text(e, "entityName").orElse(null), entityId, permission);
            if (share.entityName() == null && entityId == null) {
                throw new BadRequestException("authorizeSetting entries need an entityName or an entityId");
            }
            if (!share.isUser(owner)) {
                shares.add(share);
            }
        }
        return shares;
    }

    private static List<String> strings(JsonNode node, String name) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestException(name + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void requireHttpUrl(String linkage) {
        try {
            URI uri = new URI(linkage);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new BadRequestException("The service address must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new BadRequestException("The service address is not a valid URL");
        }
    }

    private static JsonNode requireMetadataObject(JsonNode node) {
        if (!node.isObject()) {
            throw new BadRequestException("metadata must be a JSON object");
        }
        return node;
    }

    private static JsonNode requireObject(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new BadRequestException("The request body must be a JSON object");
        }
        return node;
    }

    private static Optional<JsonNode> present(JsonNode object, String field) {
        return Optional.ofNullable(object.get(field)).filter(n -> !n.isNull());
    }

    private static Optional<String> text(JsonNode object, String field) {
        return nonBlank(object.path(field));
    }

    private static Optional<String> nonBlank(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
