package org.giscamel.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.reply.PermanentServerException;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of the services directory ({@code rest/services} or {@code rest/services/<folder>}): its sub-folders
 * and its services. A reply without a {@code services} array is refused rather than read as an empty folder, so
 * that a broken reply can never look like "everything was removed".
 */
public record FolderListing(List<String> folders, List<ServiceRef> services) {

    /** The root folder's name where a folder is asked for. */
    public static final String ROOT = "";

    public static FolderListing parse(String step, JsonNode reply) {
        JsonNode services = reply.path("services");
        if (!services.isArray()) {
            throw new PermanentServerException(step, "the reply has no 'services' list", null);
        }
        List<ServiceRef> refs = new ArrayList<>();
        for (JsonNode service : services) {
            String name = service.path("name").asText("").trim();
            String type = service.path("type").asText("").trim();
            if (name.isEmpty() || type.isEmpty()) {
                throw new PermanentServerException(step, "a listed service has no name or type", null);
            }
            refs.add(new ServiceRef(name, type));
        }
        List<String> folders = new ArrayList<>();
        reply.path("folders").forEach(folder -> folders.add(folder.asText()));
        return new FolderListing(List.copyOf(folders), List.copyOf(refs));
    }
}
