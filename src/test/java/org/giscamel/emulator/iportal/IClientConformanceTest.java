package org.giscamel.emulator.iportal;

import org.giscamel.emulator.NodeProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs SuperMap's own iClient for JavaScript (11.1.1 and 9.1.2, from npm) against the emulator: the node project
 * in {@code conformance/iportal} logs in, gets a token, registers, searches, lists, gets, updates and deletes.
 * Fails without Node.js (see {@link NodeProject}); installs its npm packages on first run.
 */
class IClientConformanceTest {

    private IPortalEmulator portal;

    @BeforeEach
    void start() throws IOException {
        IPortalEmulatorConfig config = IPortalEmulatorConfig.defaults();
        // The conformance script registers a made-up address that nothing serves.
        config.variants.registerReachability = IPortalVariants.RegisterReachability.OFF;
        portal = IPortalEmulator.start(config);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void superMapIClientDrivesTheWholeServiceLifecycle() throws Exception {
        NodeProject iclient = NodeProject.installed("iportal");
        iclient.run(List.of("npm", "run", "build"), Map.of()).assertSucceeded();

        NodeProject.Run result = iclient.run(List.of("node", "build/iclient-conformance.cjs"), Map.of(
                "IPORTAL_URL", portal.url(),
                "IPORTAL_USER", portal.config().user.username(),
                "IPORTAL_PASSWORD", portal.config().user.password()));

        result.assertSucceeded().assertPrinted(List.of("login succeed=true", "token bare=true",
                "register succeed=true id=1 idType=string",
                "duplicate succeed=false code=400", "search total=1 resourceId=1",
                "resource load linkPage=http://127.0.0.1:6080/arcgis/rest/services/Elevation/MapServer",
                "list count=1 id=1", "get resTitle=Elevation", "update succeed=true tags=conformance,updated",
                "delete9 succeed=true", "delete11 succeed=true remaining=0", "CONFORMANCE OK"));
        assertEquals(0, portal.registry().count());
        assertEquals(1, portal.requests().count("GET", "/iportal/gateway/catalog/resource/search\\.json"));
    }
}
