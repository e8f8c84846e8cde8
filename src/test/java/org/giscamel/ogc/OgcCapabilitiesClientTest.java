package org.giscamel.ogc;

import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.http.EmulatorHttpServer;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.FaultInjector;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.http.Router;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.HttpSettings;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TransientServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OgcCapabilitiesClientTest {

    private static final String XML = "text/xml; charset=UTF-8";

    private final Router router = new Router();
    private final Map<String, String> lastQuery = new ConcurrentHashMap<>();
    private EmulatorHttpServer server;
    private final OgcCapabilitiesClient client = new OgcCapabilitiesClient(new GisHttpClient(HttpSettings.defaults()));

    @BeforeEach
    void start() throws IOException {
        server = new EmulatorHttpServer("ogc-stub", 0, router, new ArcGisErrors(), new FaultInjector(),
                new RequestLog(), () -> {
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(int status, String fixture) {
        router.get("/ows", request -> {
            lastQuery.clear();
            lastQuery.putAll(request.params());
            return EmulatorResponse.bytes(status, XML, OgcFixtures.bytes(fixture));
        });
    }

    private OgcEndpoint endpoint(OgcServiceType type, String version) {
        return OgcEndpoint.of(type, URI.create(server.baseUrl() + "/ows?map=roads"), version);
    }

    @Test
    void fetchesCapabilitiesWithTheServiceParametersAndKeepsTheEndpointAsLinkage() {
        answer(200, "wms-1.3.0-mapserver.xml");
        OgcEndpoint endpoint = endpoint(OgcServiceType.WMS, "1.3.0");

        OgcCapabilities caps = client.read(endpoint);

        assertEquals(Map.of("map", "roads", "SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0"),
                lastQuery);
        assertEquals("GIS Camel test map", caps.title());
        assertEquals(URI.create(server.baseUrl() + "/ows?map=roads&SERVICE=WMS"), caps.linkage());
    }

    @Test
    void exceptionReportWithHttp200IsAPermanentFailureCarryingItsText() {
        answer(200, "exception-ows-1.1-mapserver.xml");

        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> client.read(endpoint(OgcServiceType.WFS, "9.0.0")));

        assertEquals("read WFS capabilities", e.step());
        assertEquals(List.of("the server sent an exception report: VersionNegotiationFailed: "
                + "msWFSGetCapabilities(): WFS server error. ACCEPTVERSIONS list (9.0.0) does not match supported "
                + "versions"), e.serverMessages());
    }

    @Test
    void unavailableServerIsATransientFailureWithTheReportText() {
        answer(503, "exception-wms-1.3.0-mapserver.xml");

        TransientServerException e = assertThrows(TransientServerException.class,
                () -> client.read(endpoint(OgcServiceType.WMS, null)));

        assertEquals(503, e.httpStatus());
        assertEquals(List.of("msWMSDispatch(): WMS server error. Incomplete or unsupported WMS request"),
                e.serverMessages());
    }

    @Test
    void missingServiceIsAPermanentFailure() {
        router.get("/ows", request -> EmulatorResponse.text(404, "text/html", "<html><body>Not found</body></html>"));

        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> client.read(endpoint(OgcServiceType.WMS, null)));

        assertEquals(404, e.httpStatus());
        assertEquals(List.of(), e.serverMessages());
    }

    @Test
    void capabilitiesOfAnotherServiceTypeAreRefused() {
        answer(200, "wms-1.3.0-mapserver.xml");

        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> client.read(endpoint(OgcServiceType.WFS, "2.0.0")));

        assertEquals(List.of("expected WFS capabilities, got WMS"), e.serverMessages());
    }
}
