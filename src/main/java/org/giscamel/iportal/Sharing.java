package org.giscamel.iportal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Who may see a registration ({@code authorizeSetting}): PUBLIC shares it with everybody ({@code GUEST} may READ),
 * PRIVATE keeps it to the registrant and the portal administrators (an empty list).
 */
public enum Sharing {
    PUBLIC, PRIVATE;

    public ArrayNode authorizeSetting() {
        ArrayNode entities = JsonNodeFactory.instance.arrayNode();
        if (this == PUBLIC) {
            entities.addObject().put("entityType", "USER").put("entityName", "GUEST").put("permissionType", "READ");
        }
        return entities;
    }
}
