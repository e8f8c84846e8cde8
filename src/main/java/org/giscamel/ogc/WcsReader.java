package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;
import org.w3c.dom.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WCS 2.0.x ({@code wcs:CoverageSummary} with {@code CoverageId}, OWS 2.0), 1.1.x (nesting
 * {@code CoverageSummary} with {@code Identifier} and {@code SupportedCRS}, OWS 1.1) and 1.0.0
 * ({@code CoverageOfferingBrief} with {@code name}, {@code label} and a {@code lonLatEnvelope}). Each coverage is
 * a layer. WCS 2.0 servers may leave the title and box out of the summary (MapServer does): they are then only in
 * DescribeCoverage, which a catalog does not need.
 */
final class WcsReader implements CapabilitiesReader {

    static final String WCS_2_0 = "http://www.opengis.net/wcs/2.0";
    /** WCS 1.1.0 uses {@code .../wcs/1.1}; some 1.1.1 and 1.1.2 servers write {@code .../wcs/1.1.1}. */
    static final String WCS_1_1_PREFIX = "http://www.opengis.net/wcs/1.1";
    static final String WCS_1_0 = "http://www.opengis.net/wcs";
    static final String GML = "http://www.opengis.net/gml";
    private static final OwsCommon OWS_2 = new OwsCommon(OwsCommon.OWS_2_0);
    private static final OwsCommon OWS_1_1 = new OwsCommon(OwsCommon.OWS_1_1);

    @Override
    public boolean reads(Element root) {
        return Xml.is(root, WCS_2_0, "Capabilities") || isVersion11(root) || Xml.is(root, WCS_1_0, "WCS_Capabilities");
    }

    @Override
    public OgcCapabilities read(Element root, URI linkage) {
        String ns = root.getNamespaceURI();
        ServiceDescription service;
        List<OgcLayer> layers = new ArrayList<>();
        if (ns.equals(WCS_2_0)) {
            service = OWS_2.service(root);
            summaries(root, ns).forEach(summary -> layers.add(new OgcLayer(Xml.childText(summary, ns, "CoverageId"),
                    OWS_2.title(summary), OWS_2.wgs84Box(summary), OWS_2.boundingBoxCrs(summary))));
        } else if (isVersion11(root)) {
            service = OWS_1_1.service(root);
            summaries(root, ns).forEach(summary -> collect11(summary, ns, layers));
        } else {
            service = version100Service(root);
            Xml.child(root, ns, "ContentMetadata").map(c -> Xml.children(c, ns, "CoverageOfferingBrief"))
                    .orElse(List.of()).forEach(brief -> layers.add(new OgcLayer(Xml.childText(brief, ns, "name"),
                            Xml.childText(brief, ns, "label"), lonLatEnvelope(brief), List.of())));
        }
        return new OgcCapabilities(OgcServiceType.WCS, root.getAttribute("version"), service.title(),
                service.abstractText(), service.keywords(), layers, linkage);
    }

    private static boolean isVersion11(Element root) {
        String ns = root.getNamespaceURI();
        return ns != null && ns.startsWith(WCS_1_1_PREFIX) && "Capabilities".equals(root.getLocalName());
    }

    private static List<Element> summaries(Element root, String ns) {
        return Xml.child(root, ns, "Contents").map(c -> Xml.children(c, ns, "CoverageSummary")).orElse(List.of());
    }

    /** A 1.1 summary without an identifier only groups the summaries inside it. */
    private static void collect11(Element summary, String ns, List<OgcLayer> out) {
        String id = Xml.childText(summary, ns, "Identifier");
        if (!id.isEmpty()) {
            out.add(new OgcLayer(id, OWS_1_1.title(summary), OWS_1_1.wgs84Box(summary),
                    Xml.childTexts(summary, ns, "SupportedCRS")));
        }
        Xml.children(summary, ns, "CoverageSummary").forEach(inner -> collect11(inner, ns, out));
    }

    /** WCS 1.0.0 names the service with {@code label} (MapServer may give only {@code name}). */
    private static ServiceDescription version100Service(Element root) {
        Element service = Xml.child(root, WCS_1_0, "Service").orElse(root);
        String label = Xml.childText(service, WCS_1_0, "label");
        List<String> keywords = Xml.child(service, WCS_1_0, "keywords")
                .map(list -> Xml.childTexts(list, WCS_1_0, "keyword")).orElse(List.of());
        return new ServiceDescription(label.isEmpty() ? Xml.childText(service, WCS_1_0, "name") : label,
                Xml.childText(service, WCS_1_0, "description"), keywords);
    }

    /** Two {@code gml:pos}, longitude first: the envelope is in CRS84 by definition. */
    private static Optional<LonLatBox> lonLatEnvelope(Element brief) {
        List<String> corners = Xml.child(brief, WCS_1_0, "lonLatEnvelope")
                .map(envelope -> Xml.childTexts(envelope, GML, "pos")).orElse(List.of());
        return corners.size() == 2 ? Boxes.ofCorners(corners.get(0), corners.get(1)) : Optional.empty();
    }
}
