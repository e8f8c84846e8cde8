package org.giscamel.harvest;

/**
 * A part of the source that could not be read in this run (a folder, or one service): registrations under it are
 * kept, whatever the source seemed to say.
 *
 * @param what      "folder Secured", "service Basemaps/Streets/MapServer", "WMS service at maps.example.com/ows"
 * @param urlPrefix every service address equal to it or below it ({@code prefix/...}) is covered
 */
public record UnreadablePart(String what, String urlPrefix, String reason) {

    public boolean covers(String linkage) {
        return linkage.equals(urlPrefix) || linkage.startsWith(urlPrefix + "/");
    }
}
