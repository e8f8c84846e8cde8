package org.giscamel.arcgis;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.HttpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the ArcGIS emulator's demo catalog, whose {@code Secured} folder needs a token. */
class AnonymousAccessTest {

    private static ArcGisEmulator arcgis;
    private final AnonymousAccess access = new AnonymousAccess(new GisHttpClient(HttpSettings.defaults()));

    @BeforeAll
    static void start() throws Exception {
        arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults());
    }

    @AfterAll
    static void stop() {
        arcgis.close();
    }

    private static String service(String name, String type) {
        return arcgis.siteUrl() + "/rest/services/" + name + "/" + type;
    }

    @Test
    void aServiceOfASecuredFolderNeedsAToken() {
        assertTrue(access.needsToken(service("Secured/Parcels", "FeatureServer")));
    }

    @Test
    void aPublicServiceAMissingOneAndAnUnreachableServerDoNot() {
        assertFalse(access.needsToken(service("Hydrography", "MapServer")));
        assertFalse(access.needsToken(service("Gone", "MapServer")), "404 envelope: some other reason");
        assertFalse(access.needsToken("http://127.0.0.1:1/arcgis/rest/services/X/MapServer"));
    }
}
