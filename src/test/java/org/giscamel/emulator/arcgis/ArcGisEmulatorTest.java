package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.http.Fault;
import org.giscamel.emulator.http.RequestLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.giscamel.emulator.arcgis.ArcGisClient.form;
import static org.giscamel.emulator.arcgis.ArcGisClient.get;
import static org.giscamel.emulator.arcgis.ArcGisClient.post;
import static org.giscamel.emulator.arcgis.ArcGisTestSupport.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade: two machines sharing one fault injector, one request log and one token authority. */
class ArcGisEmulatorTest {

    private ArcGisEmulator arcgis;
    private String control;

    @BeforeEach
    void start() throws IOException {
        arcgis = ArcGisTestSupport.start();
        control = arcgis.siteUrl().replace("/arcgis", "") + "/__emulator";
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    @Test
    void aFaultArmedThroughTheControlApiHitsTheNextMatchingRequestOnly() {
        post(control + "/faults", form("fault", "HTTP_503", "path", "/arcgis/rest/services$", "times", "1"));

        ArcGisClient.Reply faulted = get(arcgis.siteUrl() + "/rest/services?f=json");
        ArcGisClient.Reply next = get(arcgis.siteUrl() + "/rest/services?f=json");

        assertEquals(503, faulted.status());
        assertEquals(200, next.status());
        assertTrue(next.json().has("services"));
    }

    @Test
    void faultsApplyToBothMachines() {
        arcgis.faults().arm(Fault.HTTP_500, "/arcgis/admin/local$", 1);

        ArcGisClient.Reply faulted = get(arcgis.freshMachineUrl() + "/admin/local?f=json");

        assertEquals(500, faulted.status());
        assertEquals("error", faulted.json().path("status").asText());
        assertEquals(200, get(arcgis.freshMachineUrl() + "/admin/local?f=json").status());
    }

    @Test
    void theExpireTokensFaultMakesTheNextCallSee498() {
        String token = ArcGisTestSupport.adminToken(arcgis);
        post(control + "/faults", form("fault", "EXPIRE_TOKENS", "path", "/arcgis/admin/machines$", "times", "1"));

        assertEquals(498, get(arcgis.siteUrl() + "/admin/machines?f=json&token=" + token).json().path("code").asInt());
    }

    @Test
    void theRequestLogKeepsNoSecrets() {
        String token = ArcGisTestSupport.adminToken(arcgis);
        get(arcgis.siteUrl() + "/admin/machines?f=json&token=" + token);
        post(arcgis.freshMachineUrl() + "/admin/joinSite",
                form("adminURL", arcgis.siteUrl() + "/admin", "username", "siteadmin", "password", PASSWORD, "f", "json"));

        String listed = get(control + "/requests").body();

        assertEquals(1, arcgis.requests().count("POST", "/arcgis/admin/joinSite"));
        for (RequestLog.Entry entry : arcgis.requests().entries()) {
            assertFalse(entry.path().contains(token) || entry.path().contains(PASSWORD), entry.toString());
        }
        assertFalse(listed.contains(token) || listed.contains(PASSWORD), listed);
        assertTrue(listed.contains("arcgis-fresh") && listed.contains("arcgis-site"), listed);
    }

    @Test
    void theHandleReportsTheSiteState() {
        assertEquals(arcgis.siteUrl(), arcgis.site().siteUrl());
        assertEquals(arcgis.siteUrl() + "/admin", arcgis.site().adminUrl());
        assertEquals("STARTED", arcgis.site().machine("SITE1.EMULATOR.LOCAL").orElseThrow().realTimeState());
        assertEquals(ArcGisSite.DEFAULT_CLUSTER, arcgis.site().clusters().get(0).clusterName());
        assertFalse(arcgis.site().isMember("NODE2.EMULATOR.LOCAL"));
    }

    @Test
    void machineNamesAreConfigurable() throws IOException {
        ArcGisEmulatorConfig config = ArcGisTestSupport.fastConfig();
        config.siteMachineName = "GIS01.EXAMPLE.ORG";
        config.freshMachineName = "GIS02.EXAMPLE.ORG";
        config.variants.freshMachineLocal = ArcGisVariants.FreshMachineLocal.NAME;
        try (ArcGisEmulator named = ArcGisEmulator.start(config)) {
            String token = ArcGisTestSupport.adminToken(named);
            assertEquals("GIS01.EXAMPLE.ORG", get(named.siteUrl() + "/admin/local?f=json&token=" + token).json()
                    .path("machineName").asText());
            assertEquals("GIS02.EXAMPLE.ORG", get(named.freshMachineUrl() + "/admin/local?f=json").json()
                    .path("machineName").asText());
        }
    }
}
