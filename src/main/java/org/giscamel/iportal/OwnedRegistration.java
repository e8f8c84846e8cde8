package org.giscamel.iportal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a harvest needs of one registration in a services listing: its id, registrant, original address
 * ({@code linkPage}) and tags.
 */
public record OwnedRegistration(int id, String userName, String linkage, List<String> tags) {

    /** Reads a {@code content[]} item; {@code linkage} may be null, as list items need not carry {@code linkPage}. */
    static OwnedRegistration fromListItem(JsonNode item) {
        List<String> tags = new ArrayList<>();
        item.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new OwnedRegistration(item.path("id").asInt(), item.path("userName").asText(""),
                linkage(item), List.copyOf(tags));
    }

    /** {@code linkPage} is the original address; {@code metadata...linkage} can hold a proxied one. */
    static String linkage(JsonNode serviceInfo) {
        String linkPage = serviceInfo.path("linkPage").asText("");
        return linkPage.isBlank() ? null : linkPage;
    }

    OwnedRegistration withLinkage(String value) {
        return new OwnedRegistration(id, userName, value, tags);
    }
}
