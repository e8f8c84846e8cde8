package org.giscamel.emulator.arcgis.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Supplier;

/**
 * One service of the services directory. {@code name} carries the folder prefix ({@code Folder/Name}) as the
 * directory lists it; {@code type} is an open string (MapServer, GPServer, VectorTileServer, ...).
 * {@code metadata} answers {@code <name>/<type>?f=json}; null lets the directory derive realistic metadata
 * from the type when asked, so that large catalogs hold no JSON.
 */
public record CatalogEntry(String name, String type, Supplier<? extends JsonNode> metadata) {

    private static final String SEGMENT = "[^/\\s]([^/]*[^/\\s])?";

    public CatalogEntry {
        if (name == null || !name.matches(SEGMENT + "(/" + SEGMENT + ")?")) {
            throw new IllegalArgumentException("A service name is Name or Folder/Name: '" + name + "'");
        }
        if (type == null || !type.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("A service type is a word such as MapServer: '" + type + "'");
        }
    }

    /** The folder, or "" for the root folder. */
    public String folder() {
        return folderOf(name);
    }

    /** The name without its folder, as clients display it. */
    public String shortName() {
        return name.substring(name.indexOf('/') + 1);
    }

    static void requireFolderName(String folder) {
        if (folder == null || !folder.matches(SEGMENT)) {
            throw new IllegalArgumentException("A folder name is one path segment: '" + folder + "'");
        }
    }

    public static String folderOf(String serviceName) {
        int slash = serviceName.indexOf('/');
        return slash < 0 ? ServiceCatalog.ROOT : serviceName.substring(0, slash);
    }

    CatalogEntry renamed(String newName) {
        return new CatalogEntry(newName, type, metadata);
    }
}
