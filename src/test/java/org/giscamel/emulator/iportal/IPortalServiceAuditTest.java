package org.giscamel.emulator.iportal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With service audit on. */
class IPortalServiceAuditTest extends PortalTestSupport {

    @Override
    protected void configure(IPortalEmulatorConfig config) {
        config.serviceAudit = true;
    }

    @Test
    void usersRegistrationsWaitUncheckedAndAdminsAreApproved() {
        as(config.user).postJson("/iportal/web/services.json", arcgisBody("http://h/arcgis/rest/services/A/MapServer"));
        as(config.admin).postJson("/iportal/web/services.json", arcgisBody("http://h/arcgis/rest/services/B/MapServer"));

        assertEquals("UNCHECKED", portal.registry().find(1).orElseThrow().checkStatus());
        assertEquals("SUCCESSFUL", portal.registry().find(2).orElseThrow().checkStatus());
    }
}
