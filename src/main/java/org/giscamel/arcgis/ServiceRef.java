package org.giscamel.arcgis;

/**
 * A service as the services directory lists it: {@code name} already carries the folder prefix
 * ({@code Folder/Name}), {@code type} is an open string (MapServer, VectorTileServer, ...).
 */
public record ServiceRef(String name, String type) {

    /** The folder, or "" for the root folder. */
    public String folder() {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The name without its folder, as clients display it. */
    public String shortName() {
        return name.substring(name.indexOf('/') + 1);
    }
}
