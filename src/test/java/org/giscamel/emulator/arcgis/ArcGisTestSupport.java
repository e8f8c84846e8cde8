package org.giscamel.emulator.arcgis;

import java.io.IOException;
import java.time.Duration;

import static org.giscamel.emulator.arcgis.ArcGisClient.form;

/** Fast timings and token helpers shared by the ArcGIS emulator tests. */
final class ArcGisTestSupport {

    static final String USER = "siteadmin";
    static final String PASSWORD = "siteadmin-secret";

    private ArcGisTestSupport() {
    }

    /** Short start delay and restart window, so the waits of a test stay well under a second. */
    static ArcGisEmulatorConfig fastConfig() {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.machineStartDelay = Duration.ofMillis(200);
        config.joinRestartWindow = Duration.ofMillis(300);
        config.joinPollAfterSeconds = 1;
        return config;
    }

    static ArcGisEmulator start() throws IOException {
        return ArcGisEmulator.start(fastConfig());
    }

    static String adminToken(ArcGisEmulator arcgis) {
        return ArcGisClient.post(arcgis.siteUrl() + "/admin/generateToken",
                form("username", USER, "password", PASSWORD, "client", "referer", "referer", "referer", "f", "json"))
                .json().path("token").asText();
    }

    static String servicesToken(ArcGisEmulator arcgis) {
        return ArcGisClient.post(arcgis.siteUrl() + "/tokens/generateToken",
                form("username", USER, "password", PASSWORD, "client", "referer", "referer", "@esri/arcgis-rest-js",
                        "expiration", "60", "f", "json"))
                .json().path("token").asText();
    }
}
