package org.giscamel.gp;

import org.giscamel.ogc.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Execute request document as a WPS server parses it: names, escaping, CDATA, formats, outputs. */
class WpsExecuteDocumentTest {

    private static final String WPS = WpsProcess.WPS;
    private static final String OWS = WpsProcess.OWS;
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final WpsFormat GEOJSON = new WpsFormat("application/geo+json", "", "");
    private static final List<WpsExecuteDocument.Output> OUTPUTS = List.of(
            new WpsExecuteDocument.Output("count", false), new WpsExecuteDocument.Output("raster", true));

    private static Element parse(String xml) {
        return Xml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static String build(WpsExecuteDocument.Complex input) {
        return WpsExecuteDocument.build("features", Map.of(), "data", input, OUTPUTS);
    }

    /** The {@code wps:Input} whose identifier is {@code id}. */
    private static Element input(Element execute, String id) {
        Element inputs = Xml.child(execute, WPS, "DataInputs").orElseThrow();
        return Xml.children(inputs, WPS, "Input").stream()
                .filter(i -> Xml.childText(i, OWS, "Identifier").equals(id)).findFirst().orElseThrow();
    }

    private static Element complexData(Element execute) {
        return Xml.child(Xml.child(input(execute, "data"), WPS, "Data").orElseThrow(), WPS, "ComplexData")
                .orElseThrow();
    }

    @Test
    void jsonGoesInCdataAndComesBackUnchangedEvenWithTheCdataEndInside() {
        String json = "{\"type\": \"FeatureCollection\", \"note\": \"a]]>b <&> ]]]]> c\", \"features\": []}";
        String xml = build(new WpsExecuteDocument.Complex.Text(GEOJSON, json));
        Element data = complexData(parse(xml));
        assertEquals(json, data.getTextContent());
        assertEquals("application/geo+json", data.getAttribute("mimeType"));
        assertFalse(data.hasAttribute("encoding"), "no encoding attribute when the format names none");
        assertFalse(data.hasAttribute("schema"));
        assertTrue(xml.contains("<![CDATA[{\"type\""), xml);
        assertFalse(xml.contains("&lt;&amp;"), "the JSON is not entity-escaped: " + xml);
        long sections = xml.split("<!\\[CDATA\\[", -1).length - 1;
        assertEquals(3, sections, "one cut per ]]>: " + xml);
    }

    @Test
    void xmlBecomesTheChildElementWithItsNamespacesAttributesAndEscapedText() {
        String gml = "<?xml version='1.0' encoding='ISO-8859-1'?>\n<wfs:FeatureCollection "
                + "xmlns:wfs='http://www.opengis.net/wfs' xmlns:gml='http://www.opengis.net/gml' xmlns='urn:x'>"
                + "<gml:featureMember><Site name='A &amp; B'>caf\u00e9 &lt;1&gt;</Site></gml:featureMember>"
                + "</wfs:FeatureCollection>";
        Element root = Xml.parse(gml.getBytes(StandardCharsets.ISO_8859_1)).getDocumentElement();
        WpsFormat format = new WpsFormat("text/xml; subtype=gml/3.1.1", "UTF-8",
                "http://schemas.opengis.net/gml/3.1.1/base/feature.xsd");
        Element data = complexData(parse(build(new WpsExecuteDocument.Complex.Xml(format, root))));
        assertEquals("text/xml; subtype=gml/3.1.1", data.getAttribute("mimeType"));
        assertEquals("UTF-8", data.getAttribute("encoding"));
        assertEquals("http://schemas.opengis.net/gml/3.1.1/base/feature.xsd", data.getAttribute("schema"));
        Element collection = firstElement(data);
        assertTrue(Xml.is(collection, "http://www.opengis.net/wfs", "FeatureCollection"));
        Element member = Xml.child(collection, "http://www.opengis.net/gml", "featureMember").orElseThrow();
        Element site = Xml.child(member, "urn:x", "Site").orElseThrow();
        assertEquals("A & B", site.getAttribute("name"));
        assertEquals("caf\u00e9 <1>", site.getTextContent());
    }

    @Test
    void literalValuesAndIdentifiersAreEscapedAndKeepTheirOrder() {
        Map<String, String> literals = new LinkedHashMap<>();
        literals.put("title", "a<b & \"c\" ]]>");
        literals.put("n", "7");
        Element execute = parse(WpsExecuteDocument.build("p&q", literals, "data",
                new WpsExecuteDocument.Complex.Text(GEOJSON, "{}"), OUTPUTS));
        assertEquals("WPS", execute.getAttribute("service"));
        assertEquals("1.0.0", execute.getAttribute("version"));
        assertEquals("p&q", Xml.childText(execute, OWS, "Identifier"));
        Element literal = Xml.child(Xml.child(input(execute, "title"), WPS, "Data").orElseThrow(), WPS, "LiteralData")
                .orElseThrow();
        assertEquals("a<b & \"c\" ]]>", literal.getTextContent());
        List<String> order = Xml.children(Xml.child(execute, WPS, "DataInputs").orElseThrow(), WPS, "Input").stream()
                .map(i -> Xml.childText(i, OWS, "Identifier")).toList();
        assertEquals(List.of("title", "n", "data"), order);
    }

    @Test
    void aReferenceCarriesTheXlinkHrefAndTheFormatAndNoData() {
        URI href = URI.create("https://files.example.com/gp/abc.geojson?sig=1&x=2");
        Element input = input(parse(build(new WpsExecuteDocument.Complex.Reference(GEOJSON, href))), "data");
        Element reference = Xml.child(input, WPS, "Reference").orElseThrow();
        assertEquals(href.toString(), reference.getAttributeNS(XLINK, "href"));
        assertEquals("application/geo+json", reference.getAttribute("mimeType"));
        assertTrue(Xml.child(input, WPS, "Data").isEmpty());
    }

    @Test
    void theResponseIsStoredWithStatusAndComplexOutputsComeByReference() {
        Element execute = parse(build(new WpsExecuteDocument.Complex.Text(GEOJSON, "{}")));
        Element document = Xml.child(Xml.child(execute, WPS, "ResponseForm").orElseThrow(), WPS, "ResponseDocument")
                .orElseThrow();
        assertEquals("true", document.getAttribute("storeExecuteResponse"));
        assertEquals("true", document.getAttribute("status"));
        List<Element> outputs = Xml.children(document, WPS, "Output");
        assertEquals("count", Xml.childText(outputs.get(0), OWS, "Identifier"));
        assertFalse(outputs.get(0).hasAttribute("asReference"));
        assertEquals("raster", Xml.childText(outputs.get(1), OWS, "Identifier"));
        assertEquals("true", outputs.get(1).getAttribute("asReference"));
        assertThrows(IllegalArgumentException.class, () -> WpsExecuteDocument.build("p", Map.of(), "data",
                new WpsExecuteDocument.Complex.Text(GEOJSON, "{}"), List.of()));
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("no child element");
    }
}
