package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.http.Credentials;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The createNewSite form, as DSC and GITOPS send it (reference §3.3). */
class NewSiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> form(String directoriesRoot) {
        return new NewSite(URI.create("http://node1:6080/arcgis"), "/gisdata/config-store", directoriesRoot, "WARNING")
                .form(new Credentials("siteadmin", "secret"));
    }

    @Test
    void theFormCarriesTheAdministratorTheStoreTheDirectoriesTheLogSettingsAndRunAsyncFalse() throws Exception {
        Map<String, String> form = form("/gisdata/directories");

        assertEquals(List.of("username", "password", "configStoreConnection", "directories", "logsSettings", "runAsync", "f"),
                List.copyOf(form.keySet()));
        assertEquals("siteadmin", form.get("username"));
        assertEquals("false", form.get("runAsync"));
        assertEquals("json", form.get("f"));
        JsonNode store = JSON.readTree(form.get("configStoreConnection"));
        assertEquals("FILESYSTEM", store.path("type").asText());
        assertEquals("/gisdata/config-store", store.path("connectionString").asText());
        JsonNode logs = JSON.readTree(form.get("logsSettings"));
        assertEquals("WARNING", logs.path("logLevel").asText());
        assertEquals(90, logs.path("maxLogFileAge").asInt());
    }

    @Test
    void theFourDirectoriesHaveDscsTypesCleanupModesAndAges() throws Exception {
        JsonNode directories = JSON.readTree(form("/gisdata/directories").get("directories")).path("directories");

        assertEquals(List.of("arcgissystem", "arcgisjobs", "arcgisoutput", "arcgiscache"), directories.findValuesAsText("name"));
        assertEquals(List.of("SYSTEM", "JOBS", "OUTPUT", "CACHE"), directories.findValuesAsText("directoryType"));
        assertEquals(List.of("NONE", "TIME_ELAPSED_SINCE_LAST_MODIFIED", "TIME_ELAPSED_SINCE_LAST_MODIFIED", "NONE"),
                directories.findValuesAsText("cleanupMode"));
        assertEquals(List.of("0", "360", "10", "0"), directories.findValuesAsText("maxFileAge"));
        assertEquals("/gisdata/directories/arcgisjobs", directories.get(1).path("physicalPath").asText());
    }

    @Test
    void aWindowsRootGetsBackslashesAndATrailingSeparatorIsNotDoubled() {
        assertEquals("D:\\arcgisserver\\directories\\arcgissystem", NewSite.under("D:\\arcgisserver\\directories\\", "arcgissystem"));
        assertEquals("\\\\fileserver\\gis\\arcgisjobs", NewSite.under("\\\\fileserver\\gis", "arcgisjobs"));
        assertEquals("/gisdata/arcgiscache", NewSite.under("/gisdata/", "arcgiscache"));
    }
}
