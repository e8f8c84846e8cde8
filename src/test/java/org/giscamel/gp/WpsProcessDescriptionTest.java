package org.giscamel.gp;

import org.giscamel.ogc.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading DescribeProcess replies: a real PyWPS one, the WPS-qualified spelling, and refusals. */
class WpsProcessDescriptionTest {

    private static Element parse(String xml) {
        return Xml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    @Test
    void aPyWpsDescriptionGivesTheComplexInputsFormatsDefaultFirstItsLimitAndTheOutputs() throws IOException {
        Element reply;
        try (InputStream in = getClass().getResourceAsStream("/wps/describe-features-pywps-4.5.2.xml")) {
            reply = Xml.parse(in.readAllBytes()).getDocumentElement();
        }
        WpsProcessDescription description = WpsProcessDescription.parse(reply, "features");
        WpsProcessDescription.Input input = description.input("features").orElseThrow();
        assertEquals(WpsProcessDescription.Kind.COMPLEX, input.kind());
        assertEquals(List.of(new WpsFormat("application/gml+xml", "", ""), new WpsFormat("application/geo+json", "", "")),
                input.formats(), "the default once, first");
        assertEquals(1.0, input.maximumMegabytes().orElseThrow());
        assertEquals(List.of("count", "sha256", "mimetype", "delivery"),
                description.outputs().stream().map(WpsProcessDescription.Output::identifier).toList());
        assertTrue(description.outputs().stream().noneMatch(WpsProcessDescription.Output::complex));
    }

    @Test
    void qualifiedElementsLiteralInputsEncodingsSchemasAndComplexOutputsAreRead() {
        String xml = "<wps:ProcessDescriptions xmlns:wps='http://www.opengis.net/wps/1.0.0' "
                + "xmlns:ows='http://www.opengis.net/ows/1.1'>"
                + "<wps:ProcessDescription><ows:Identifier>other</ows:Identifier></wps:ProcessDescription>"
                + "<wps:ProcessDescription><ows:Identifier>clip</ows:Identifier><wps:DataInputs>"
                + "<wps:Input><ows:Identifier>name</ows:Identifier><wps:LiteralData/></wps:Input>"
                + "<wps:Input><ows:Identifier>area</ows:Identifier><wps:BoundingBoxData/></wps:Input>"
                + "<wps:Input><ows:Identifier>gml</ows:Identifier><wps:ComplexData>"
                + "<wps:Default><wps:Format><wps:MimeType>text/xml; subtype=gml/3.1.1</wps:MimeType>"
                + "<wps:Encoding>UTF-8</wps:Encoding><wps:Schema>http://schemas.opengis.net/gml/3.1.1/base/feature.xsd"
                + "</wps:Schema></wps:Format></wps:Default>"
                + "<wps:Supported><wps:Format><wps:MimeType>image/tiff</wps:MimeType><wps:Encoding>base64"
                + "</wps:Encoding></wps:Format></wps:Supported></wps:ComplexData></wps:Input>"
                + "</wps:DataInputs><wps:ProcessOutputs><wps:Output><ows:Identifier>clipped</ows:Identifier>"
                + "<wps:ComplexOutput/></wps:Output></wps:ProcessOutputs></wps:ProcessDescription>"
                + "</wps:ProcessDescriptions>";
        WpsProcessDescription description = WpsProcessDescription.parse(parse(xml), "clip");
        assertEquals(WpsProcessDescription.Kind.LITERAL, description.input("name").orElseThrow().kind());
        assertEquals(WpsProcessDescription.Kind.BOUNDING_BOX, description.input("area").orElseThrow().kind());
        WpsProcessDescription.Input gml = description.input("gml").orElseThrow();
        assertEquals(List.of(new WpsFormat("text/xml; subtype=gml/3.1.1", "UTF-8",
                "http://schemas.opengis.net/gml/3.1.1/base/feature.xsd"), new WpsFormat("image/tiff", "base64", "")),
                gml.formats());
        assertFalse(gml.maximumMegabytes().isPresent(), "no maximumMegabytes: no limit");
        assertTrue(description.outputs().get(0).complex());
        assertTrue(description.input("missing").isEmpty());
    }

    @Test
    void anExceptionReportOrAnotherProcessIsAnUnknownProcess() {
        GpStepException refused = assertThrows(GpStepException.class, () -> WpsProcessDescription.parse(parse(
                "<ows:ExceptionReport xmlns:ows='http://www.opengis.net/ows/1.1'><ows:Exception "
                        + "exceptionCode='InvalidParameterValue'><ows:ExceptionText>Unknown process nope"
                        + "</ows:ExceptionText></ows:Exception></ows:ExceptionReport>"), "nope"));
        assertEquals("unknown-process", refused.failure().reasonCode());
        assertEquals(List.of("InvalidParameterValue: Unknown process nope"), refused.failure().serverMessages());
        GpStepException missing = assertThrows(GpStepException.class, () -> WpsProcessDescription.parse(parse(
                "<wps:ProcessDescriptions xmlns:wps='http://www.opengis.net/wps/1.0.0'/>"), "nope"));
        assertEquals("unknown-process", missing.failure().reasonCode());
        GpStepException other = assertThrows(GpStepException.class, () -> WpsProcessDescription.parse(parse(
                "<wps:Capabilities xmlns:wps='http://www.opengis.net/wps/1.0.0'/>"), "nope"));
        assertEquals("bad-reply", other.failure().reasonCode());
    }
}
