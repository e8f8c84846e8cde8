package org.giscamel.iportal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The JSON bodies that register ({@code POST}) and update ({@code PUT}) one service. */
public final class RegistrationBodies {

    /** Service type of an ArcGIS REST registration. */
    public static final String ARCGIS_REST = "ARCGIS_REST";

    private RegistrationBodies() {
    }

    /**
     * {@code addedMapNames} and {@code addedSceneNames} name maps and scenes of SuperMap REST services only; for
     * every other type they must be empty, or iPortal refuses the registration.
     */
    public static ObjectNode create(String type, List<String> tags, Sharing sharing, ServiceMetadata metadata,
                                    List<String> mapNames) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", type);
        strings(body.putArray("tags"), tags);
        body.set("authorizeSetting", sharing.authorizeSetting());
        body.set("metadata", metadata.toJson());
        strings(body.putArray("addedMapNames"), type.equals("SUPERMAP_REST") ? mapNames : List.of());
        body.putArray("addedSceneNames");
        return body;
    }

    /**
     * Only the fields iPortal really updates: a PUT that carries any other ServiceInfo field "returns success but
     * does not really update" (iportal-rest.md §5).
     */
    public static ObjectNode update(List<String> tags, Sharing sharing, ServiceMetadata metadata) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("authorizeSetting", sharing.authorizeSetting());
        strings(body.putArray("tags"), tags);
        body.set("metadata", metadata.toJson());
        return body;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
