package org.giscamel.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.geo.LonLatBox;
import org.giscamel.iportal.ServiceMetadata;
import org.giscamel.ogc.OgcCapabilities;
import org.giscamel.ogc.OgcLayer;
import org.giscamel.ogc.OgcServiceType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class OgcMappingTest {

    private static final URI WFS = URI.create("https://maps.example.com:8443/ows?map=roads.map&SERVICE=WFS");

    @Test
    void aServiceIsRegisteredWithItsTypeAddressAndCapabilities() {
        OgcCapabilities caps = new OgcCapabilities(OgcServiceType.WFS, "2.0.0", "Roads", "All roads", List.of("roads"),
                List.of(new OgcLayer("ms:roads", "Roads", Optional.of(new LonLatBox(-5, -4, 5, 4)),
                                List.of("AUTO:42001", "urn:ogc:def:crs:EPSG::3857")),
                        new OgcLayer("ms:bridges", "Bridges", Optional.of(new LonLatBox(-6, -3, 2, 7)),
                                List.of("urn:ogc:def:crs:EPSG::4326"))),
                WFS);

        SourceService service = OgcMapping.service(caps);

        assertEquals("WFS", service.portalType());
        assertEquals(WFS.toString(), service.linkage());
        assertEquals("WFS Roads", service.label());
        assertEquals(List.of(), service.mapNames());
        ServiceMetadata metadata = service.metadata();
        assertEquals("Roads (WFS)", metadata.title());
        assertEquals(WFS.toString(), metadata.linkage());
        assertEquals("All roads", metadata.abstractText());
        assertEquals(List.of("WFS", "roads", "ms:roads", "ms:bridges"), metadata.keywords());
        assertEquals(Optional.of(3857), metadata.wkid(), "the first EPSG code any layer offers");
        assertEquals(Optional.of(new ServiceMetadata.Box(-6, 5, -4, 7)), metadata.box(), "around every layer");
    }

    @Test
    void theBoxAndReferenceSystemLandInIPortalsElements() {
        OgcCapabilities caps = new OgcCapabilities(OgcServiceType.WMS, "1.3.0", "Roads", "", List.of(),
                List.of(new OgcLayer("roads", "", Optional.of(new LonLatBox(-5, -4, 5, 4)), List.of("CRS:84"))), WFS);

        JsonNode metadata = OgcMapping.service(caps).metadata().toJson();

        assertEquals("4326", metadata.path("refSysInfo").path("refSysID").asText(), "CRS:84 is WGS84");
        JsonNode box = metadata.path("dataIdInfo").path("dataIdent").path("dataExt").path("geoEle").path("geoBndBox");
        assertEquals(-5, box.path("westBL").asDouble());
        assertEquals(5, box.path("eastBL").asDouble());
        assertEquals(-4, box.path("southBL").asDouble());
        assertEquals(4, box.path("northBL").asDouble());
    }

    @Test
    void aServiceWithoutTitleBoxOrEpsgCodeIsNamedByItsHostAndPath() {
        OgcCapabilities caps = new OgcCapabilities(OgcServiceType.WCS, "2.0.1", "", "", List.of(),
                List.of(new OgcLayer("dem", "", Optional.empty(), List.of())), WFS);

        SourceService service = OgcMapping.service(caps);

        assertEquals("maps.example.com:8443/ows (WCS)", service.metadata().title());
        assertEquals("WCS maps.example.com:8443/ows", service.label());
        assertEquals(Optional.empty(), service.metadata().box());
        assertEquals(Optional.empty(), service.metadata().wkid());
        assertFalse(service.metadata().toJson().path("dataIdInfo").path("dataIdent").has("dataExt"));
    }
}
