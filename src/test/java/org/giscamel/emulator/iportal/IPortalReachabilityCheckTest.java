package org.giscamel.emulator.iportal;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants.RegisterReachability;
import org.giscamel.ogc.MapServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registration check of service addresses in each depth of {@link IPortalVariants#registerReachability},
 * against a real ArcGIS emulator (its demo catalog, with the token-protected {@code Secured} folder) and a real
 * MapServer.
 */
class IPortalReachabilityCheckTest extends PortalTestSupport {

    private static final String NOTHING_THERE = "http://127.0.0.1:1/arcgis/rest/services/Gone/MapServer";

    private static ArcGisEmulator arcgis;
    private static MapServerFixture mapServer;

    @BeforeAll
    static void startServers() throws Exception {
        arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults());
        mapServer = MapServerFixture.start();
    }

    @AfterAll
    static void stopServers() {
        arcgis.close();
        mapServer.close();
    }

    private static String arcgisService(String name, String type) {
        return arcgis.siteUrl() + "/rest/services/" + name + "/" + type;
    }

    private PortalClient.Reply register(RegisterReachability depth, String body) {
        config.variants.registerReachability = depth;
        return as(config.user).postJson("/iportal/web/services.json", body);
    }

    private static void assertRegistered(PortalClient.Reply reply) {
        assertEquals(201, reply.status(), reply.body());
    }

    private static void assertUnavailable(PortalClient.Reply reply) {
        IPortalRegistrationTest.assertRejected(reply, "unavailable");
    }

    private static String wmsBody(String linkage) {
        return registerBody("WMS", "Test map", linkage, "[]", "[]");
    }

    @Test
    void offRegistersAnAddressNothingServes() {
        assertRegistered(register(RegisterReachability.OFF, arcgisBody(NOTHING_THERE)));
    }

    @Test
    void everyDepthButOffRejectsAnAddressNothingServes() {
        assertUnavailable(register(RegisterReachability.LENIENT, arcgisBody(NOTHING_THERE)));
        assertUnavailable(register(RegisterReachability.STRICT, arcgisBody(NOTHING_THERE)));
        assertEquals(0, portal.registry().count());
    }

    @Test
    void lenientTakesAnArcGisErrorEnvelopeWithHttp200ForAnAnswer() {
        assertRegistered(register(RegisterReachability.LENIENT, arcgisBody(arcgisService("Gone", "MapServer"))));
        assertRegistered(register(RegisterReachability.LENIENT, arcgisBody(arcgisService("Secured/Parcels", "MapServer"))));
    }

    @Test
    void strictRejectsAServiceThatAnswersWithAnArcGisErrorEnvelope() {
        assertUnavailable(register(RegisterReachability.STRICT, arcgisBody(arcgisService("Gone", "MapServer"))));
    }

    @Test
    void strictRegistersAPublicArcGisService() {
        assertRegistered(register(RegisterReachability.STRICT, arcgisBody(arcgisService("Hydrography", "FeatureServer"))));
    }

    @Test
    void strictRegistersASecuredArcGisServiceOnlyWithAWayToGetItsToken() {
        String parcels = arcgisService("Secured/Parcels", "MapServer");
        String tokenUrl = arcgis.siteUrl() + "/tokens/generateToken";

        assertUnavailable(register(RegisterReachability.STRICT, arcgisBody(parcels)));
        assertRegistered(register(RegisterReachability.STRICT,
                arcgisBody(parcels).replaceFirst("^\\{", "{\"tokenRefreshUrl\":\"" + tokenUrl + "\",")));
        assertRegistered(register(RegisterReachability.STRICT, arcgisBody(arcgisService("Secured/Parcels", "FeatureServer"))
                .replaceFirst("^\\{", "{\"credentialId\":7,")));
    }

    @Test
    void strictRejectsAnInvalidTokenInTheAddressEvenWithATokenRefreshUrl() {
        String parcels = arcgisService("Secured/Parcels", "MapServer") + "?token=forged";

        assertUnavailable(register(RegisterReachability.STRICT,
                arcgisBody(parcels).replaceFirst("^\\{", "{\"tokenRefreshUrl\":\"" + arcgis.siteUrl() + "/tokens\",")));
    }

    @Test
    void strictAsksAnOgcAddressForItsCapabilities() {
        assertRegistered(register(RegisterReachability.STRICT, wmsBody(mapServer.serviceUrl().toString())));
        assertRegistered(register(RegisterReachability.STRICT,
                registerBody("WFS", "Test map", mapServer.serviceUrl() + "?SERVICE=WFS", "[]", "[]")));
    }

    @Test
    void strictRejectsAnOgcExceptionReportThatLenientTakes() {
        String getMapWithoutLayers = mapServer.serviceUrl() + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap";

        assertUnavailable(register(RegisterReachability.STRICT, wmsBody(getMapWithoutLayers)));
        assertRegistered(register(RegisterReachability.LENIENT, wmsBody(getMapWithoutLayers)));
    }

    @Test
    void typeOthersSkipsTheCheck() {
        assertRegistered(register(RegisterReachability.STRICT,
                registerBody("OTHERS", "Gone", "http://127.0.0.1:1/gone", "[]", "[]")));
    }
}
