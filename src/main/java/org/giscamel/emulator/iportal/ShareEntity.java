package org.giscamel.emulator.iportal;

import java.util.Set;

/**
 * One entry of a service's {@code authorizeSetting} (IportalAuthorizeEntity). {@code entityId} is used for
 * groups and departments.
 */
public record ShareEntity(String entityType, String entityName, Integer entityId, String permissionType) {

    static final Set<String> ENTITY_TYPES = Set.of("USER", "ROLE", "GROUP", "IPORTALGROUP", "DEPARTMENT");
    static final Set<String> PERMISSION_TYPES = Set.of("SEARCH", "READ", "READWRITE", "DELETE", "DOWNLOAD");

    /** Shared with everybody, including anonymous visitors. */
    public static ShareEntity publicRead() {
        return user(Caller.GUEST_NAME, "READ");
    }

    public static ShareEntity user(String username, String permissionType) {
        return new ShareEntity("USER", username, null, permissionType);
    }

    boolean isUser(String username) {
        return "USER".equals(entityType) && username.equals(entityName);
    }
}
