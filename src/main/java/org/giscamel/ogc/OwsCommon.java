package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Optional;

/**
 * The OGC Web Services Common elements that WMTS, WFS 1.1/2.0 and WCS 1.1/2.0 share. They are the same in OWS 1.0,
 * 1.1 and 2.0 except for the namespace, which each service version fixes.
 */
final class OwsCommon {

    static final String OWS_1_0 = "http://www.opengis.net/ows";
    static final String OWS_1_1 = "http://www.opengis.net/ows/1.1";
    static final String OWS_2_0 = "http://www.opengis.net/ows/2.0";

    private final String ns;

    OwsCommon(String namespace) {
        this.ns = namespace;
    }

    /** Title, abstract and keywords of {@code ows:ServiceIdentification}. */
    ServiceDescription service(Element root) {
        return Xml.child(root, ns, "ServiceIdentification")
                .map(ident -> new ServiceDescription(title(ident), Xml.childText(ident, ns, "Abstract"),
                        keywords(ident)))
                .orElse(new ServiceDescription("", "", List.of()));
    }

    String title(Element described) {
        return Xml.childText(described, ns, "Title");
    }

    String identifier(Element described) {
        return Xml.childText(described, ns, "Identifier");
    }

    /** {@code ows:Keywords/ows:Keyword}, over every keyword group. */
    List<String> keywords(Element described) {
        return Xml.children(described, ns, "Keywords").stream()
                .flatMap(group -> Xml.childTexts(group, ns, "Keyword").stream()).toList();
    }

    /** {@code ows:WGS84BoundingBox}: corners are always longitude then latitude. */
    Optional<LonLatBox> wgs84Box(Element described) {
        return Xml.child(described, ns, "WGS84BoundingBox").flatMap(box -> Boxes.ofCorners(
                Xml.childText(box, ns, "LowerCorner"), Xml.childText(box, ns, "UpperCorner")));
    }

    /** The {@code crs} of each {@code ows:BoundingBox}. */
    List<String> boundingBoxCrs(Element described) {
        return Xml.children(described, ns, "BoundingBox").stream().map(box -> box.getAttribute("crs").trim())
                .filter(crs -> !crs.isEmpty()).toList();
    }
}
