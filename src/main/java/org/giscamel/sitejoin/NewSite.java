package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.http.Credentials;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site to create, and the createNewSite form DSC and GITOPS send for it (reference §3.3): the primary site
 * administrator, {@code runAsync=false} (the reply comes once the site exists), a FILESYSTEM
 * {@code configStoreConnection}, the four server {@code directories} under one root with DSC's cleanup modes and
 * ages, and {@code logsSettings}. Cloud configuration stores, which need a connection secret, are not offered.
 *
 * @param machine         the site root of the machine that founds the site
 * @param configStore     the configuration store's folder, as the machine sees it
 * @param directoriesRoot the folder that holds arcgissystem, arcgisjobs, arcgisoutput and arcgiscache
 * @param logLevel        the site's log level, e.g. WARNING
 */
record NewSite(URI machine, String configStore, String directoriesRoot, String logLevel) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The form fields, in the order DSC builds them; the password is the administrator's. */
    Map<String, String> form(Credentials administrator) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", administrator.username());
        form.put("password", administrator.password());
        form.put("configStoreConnection", JSON.createObjectNode()
                .put("type", "FILESYSTEM").put("connectionString", configStore).toString());
        form.put("directories", directories().toString());
        form.put("logsSettings", JSON.createObjectNode().put("logLevel", logLevel)
                .put("maxErrorReportsCount", 10).put("maxLogFileAge", 90).toString());
        form.put("runAsync", "false");
        form.put("f", "json");
        return form;
    }

    /** DSC's four directories: system and cache never cleaned up, jobs after 360 and output after 10 minutes. */
    ObjectNode directories() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("directories");
        directory(list, "arcgissystem", "SYSTEM", "NONE", 0);
        directory(list, "arcgisjobs", "JOBS", "TIME_ELAPSED_SINCE_LAST_MODIFIED", 360);
        directory(list, "arcgisoutput", "OUTPUT", "TIME_ELAPSED_SINCE_LAST_MODIFIED", 10);
        directory(list, "arcgiscache", "CACHE", "NONE", 0);
        return root;
    }

    private void directory(ArrayNode list, String name, String type, String cleanup, int maxFileAge) {
        list.addObject().put("name", name).put("physicalPath", under(directoriesRoot, name))
                .put("directoryType", type).put("cleanupMode", cleanup).put("maxFileAge", maxFileAge);
    }

    /**
     * {@code name} under {@code root}, with the separator the root uses: the path is the machine's, which may run
     * Windows (DSC writes {@code \}) or Linux (GITOPS joins with the target's separator).
     */
    static String under(String root, String name) {
        String separator = root.contains("\\") && !root.contains("/") ? "\\" : "/";
        return root.replaceAll("[/\\\\]+$", "") + separator + name;
    }
}
