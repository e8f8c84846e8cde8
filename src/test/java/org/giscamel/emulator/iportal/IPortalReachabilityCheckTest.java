package org.giscamel.emulator.iportal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With the reachability check on, as in real iPortal. */
class IPortalReachabilityCheckTest extends PortalTestSupport {

    @Override
    protected void configure(IPortalEmulatorConfig config) {
        config.checkLinkageReachable = true;
    }

    @Test
    void unreachableAddressIsRejected() {
        PortalClient.Reply reply = as(config.user).postJson("/iportal/web/services.json",
                arcgisBody("http://127.0.0.1:1/arcgis/rest/services/Gone/MapServer"));

        IPortalRegistrationTest.assertRejected(reply, "unavailable");
        assertEquals(0, portal.registry().count());
    }

    @Test
    void reachableAddressIsRegistered() {
        // the portal's own public listing is an address that answers 200
        PortalClient.Reply reply = as(config.user).postJson("/iportal/web/services.json",
                arcgisBody(portal.url() + "/web/services.json"));

        assertEquals(201, reply.status(), reply.body());
    }

    @Test
    void typeOthersSkipsTheCheck() {
        PortalClient.Reply reply = as(config.user).postJson("/iportal/web/services.json",
                registerBody("OTHERS", "Gone", "http://127.0.0.1:1/gone", "[]", "[]"));

        assertEquals(201, reply.status(), reply.body());
    }
}
