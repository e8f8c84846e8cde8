package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;

import java.util.List;

/** Renders registrations as iPortal's ServiceInfo JSON (iportal-rest.md §3.1 list item, §4.1–4.2 full). */
final class ServiceInfoJson {

    private ServiceInfoJson() {
    }

    /** The full ServiceInfo of {@code GET /web/services/{id}}. */
    static ObjectNode full(ServiceRegistration r) {
        ObjectNode json = common(r);
        strings(json.putArray("addedMapNames"), r.addedMapNames());
        strings(json.putArray("addedSceneNames"), r.addedSceneNames());
        json.set("authorizeSetting", authorizeSetting(r));
        json.set("metadata", r.metadata());
        return json;
    }

    /** A {@code content[]} item of the list: like the documented one, without metadata and sharing. */
    static ObjectNode listItem(ServiceRegistration r) {
        ObjectNode json = common(r);
        json.putNull("addedMapNames");
        json.putNull("addedSceneNames");
        json.putNull("authorizeSetting");
        json.putNull("metadata");
        return json;
    }

    /** The owner's implicit DELETE entry first, then the shares, as iPortal returns them. */
    static ArrayNode authorizeSetting(ServiceRegistration r) {
        ArrayNode entities = Json.array();
        entity(entities, ShareEntity.user(r.userName(), "DELETE"));
        r.authorizeSetting().forEach(e -> entity(entities, e));
        return entities;
    }

    private static ObjectNode common(ServiceRegistration r) {
        ObjectNode json = Json.object();
        json.put("checkStatus", r.checkStatus());
        json.putNull("checkTime");
        json.putNull("checkUser");
        json.putNull("checkUserNick");
        json.put("createTime", r.createTime());
        json.put("description", r.description());
        json.put("enable", r.enable());
        json.put("id", r.id());
        json.put("isBatch", r.isBatch());
        json.put("isDataItemService", r.isDataItemService());
        json.put("linkPage", r.linkPage());
        ArrayNode maps = json.putArray("mapInfos");
        r.addedMapNames().forEach(name -> maps.addObject().putNull("id").putNull("mapThumbnail").put("mapTitle", name)
                .put("mapUrl", r.linkPage() + "/maps/" + name).put("serviceId", r.id()));
        json.put("metadataString", "");
        json.put("nickname", r.userName());
        json.put("offline", r.offline());
        json.put("previewUrl", r.previewUrl());
        json.putNull("proxiedUrl");
        json.put("resTitle", r.resTitle());
        ArrayNode scenes = json.putArray("scenes");
        r.addedSceneNames().forEach(name -> scenes.addObject().putNull("id").put("sceneName", name)
                .put("sceneUrl", r.linkPage() + "/realspace/scenes/" + name).put("serviceId", r.id()));
        if (r.serviceRootUrlId() == null) {
            json.putNull("serviceRootUrlId");
        } else {
            json.put("serviceRootUrlId", r.serviceRootUrlId());
        }
        strings(json.putArray("tags"), r.tags());
        json.put("thumbnail", r.thumbnail());
        json.put("tokenRefreshUrl", r.tokenRefreshUrl());
        json.put("type", r.type());
        json.put("updateTime", r.updateTime());
        json.put("userName", r.userName());
        json.putNull("verifyReason");
        json.putNull("version");
        json.put("visitCount", r.visitCount());
        return json;
    }

    private static void entity(ArrayNode entities, ShareEntity e) {
        ObjectNode json = entities.addObject();
        json.put("permissionType", e.permissionType());
        json.put("aliasName", "USER".equals(e.entityType()) ? e.entityName() : null);
        json.putArray("entityRoles");
        json.put("entityType", e.entityType());
        json.put("entityName", e.entityName());
        if (e.entityId() == null) {
            json.putNull("entityId");
        } else {
            json.put("entityId", e.entityId());
        }
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
