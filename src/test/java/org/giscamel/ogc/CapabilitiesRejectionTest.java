package org.giscamel.ogc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilitiesRejectionTest {

    @Test
    void owsExceptionReportIsRejectedWithCodeAndText() {
        CapabilitiesFormatException e = assertThrows(CapabilitiesFormatException.class,
                () -> OgcFixtures.parse("exception-ows-1.1-mapserver.xml"));

        assertEquals(List.of("VersionNegotiationFailed: msWFSGetCapabilities(): WFS server error. "
                + "ACCEPTVERSIONS list (9.0.0) does not match supported versions"), e.reasons());
        assertTrue(e.getMessage().startsWith("the server sent an exception report: VersionNegotiationFailed"),
                e.getMessage());
    }

    @Test
    void wms130ServiceExceptionReportIsRejectedWithItsText() {
        CapabilitiesFormatException e = assertThrows(CapabilitiesFormatException.class,
                () -> OgcFixtures.parse("exception-wms-1.3.0-mapserver.xml"));

        assertEquals(List.of("msWMSDispatch(): WMS server error. Incomplete or unsupported WMS request"), e.reasons());
    }

    @Test
    void wms111ServiceExceptionReportIsReadWithoutFetchingItsDtd() {
        CapabilitiesFormatException e = assertThrows(CapabilitiesFormatException.class,
                () -> OgcFixtures.parse("exception-wms-1.1.1-mapserver.xml"));

        assertEquals(List.of("msWMSDispatch(): WMS server error. Incomplete or unsupported WMS request"), e.reasons());
    }

    @Test
    void otherXmlIsRejectedNamingItsRootElement() {
        CapabilitiesFormatException e = assertThrows(CapabilitiesFormatException.class,
                () -> OgcFixtures.parse("not-capabilities.xml"));

        assertEquals(List.of("root element {http://www.opengis.net/wfs/2.0}FeatureCollection"), e.reasons());
    }

    @Test
    void rootInAnUnexpectedNamespaceIsNotTakenForCapabilities() {
        byte[] wrongNamespace = "<WMS_Capabilities xmlns=\"http://example.com/wms\" version=\"1.3.0\"/>"
                .getBytes(StandardCharsets.UTF_8);

        assertThrows(CapabilitiesFormatException.class,
                () -> OgcCapabilitiesParser.parse(wrongNamespace, OgcFixtures.LINKAGE));
    }

    @Test
    void htmlPageIsRejectedAsNotWellFormed() {
        CapabilitiesFormatException e = assertThrows(CapabilitiesFormatException.class,
                () -> OgcFixtures.parse("login-page.html"));

        assertTrue(e.getMessage().startsWith("not well-formed XML"), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedAsNotWellFormed() {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><WMT_MS_Capabilities version=\"1.1.1\">"
                + "<Service><Title>Gew\u00e4sser</Title></Service></WMT_MS_Capabilities>")
                .getBytes(StandardCharsets.ISO_8859_1);

        CapabilitiesFormatException e = assertThrows(CapabilitiesFormatException.class,
                () -> OgcCapabilitiesParser.parse(latin1, OgcFixtures.LINKAGE));

        assertTrue(e.getMessage().startsWith("not well-formed XML"), e.getMessage());
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE WMT_MS_Capabilities [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<WMT_MS_Capabilities version=\"1.1.1\"><Service><Title>&xxe;</Title>"
                + "</Service></WMT_MS_Capabilities>";

        OgcCapabilities caps = OgcCapabilitiesParser.parse(xml.getBytes(StandardCharsets.UTF_8), OgcFixtures.LINKAGE);

        assertEquals("", caps.title());
    }

    @Test
    void entityExpansionBombIsNotExpanded() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE WMT_MS_Capabilities [\n"
                + "<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<WMT_MS_Capabilities version=\"1.1.1\"><Service><Title>&l9;</Title></Service>"
                + "</WMT_MS_Capabilities>");

        OgcCapabilities caps = OgcCapabilitiesParser.parse(xml.toString().getBytes(StandardCharsets.UTF_8),
                OgcFixtures.LINKAGE);

        assertEquals("", caps.title());
    }

    @Test
    void exceptionTextsOfABodyThatIsNoReportAreEmpty() {
        assertEquals(List.of(), OgcCapabilitiesParser.exceptionTexts(OgcFixtures.bytes("login-page.html")));
        assertEquals(List.of(), OgcCapabilitiesParser.exceptionTexts(OgcFixtures.bytes("wms-1.3.0-mapserver.xml")));
    }
}
