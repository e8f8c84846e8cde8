package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;
import org.w3c.dom.Element;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WFS 2.0.0 (WFS 2.0 namespace, OWS 1.1, {@code DefaultCRS}/{@code OtherCRS}), 1.1.0 (WFS namespace, OWS 1.0,
 * {@code DefaultSRS}/{@code OtherSRS}) and 1.0.0 (WFS namespace, a plain {@code Service} element, {@code SRS},
 * {@code LatLongBoundingBox}). Each feature type of {@code FeatureTypeList} is a layer, named as a client asks
 * for it in {@code TYPENAMES} (often prefixed, as {@code ms:polys}).
 */
final class WfsReader implements CapabilitiesReader {

    static final String WFS_2_0 = "http://www.opengis.net/wfs/2.0";
    static final String WFS_1 = "http://www.opengis.net/wfs";

    @Override
    public boolean reads(Element root) {
        return Xml.is(root, WFS_2_0, "WFS_Capabilities") || Xml.is(root, WFS_1, "WFS_Capabilities");
    }

    @Override
    public OgcCapabilities read(Element root, URI linkage) {
        String ns = root.getNamespaceURI();
        Optional<Element> plainService = Xml.child(root, ns, "Service");
        OwsCommon ows = new OwsCommon(ns.equals(WFS_2_0) ? OwsCommon.OWS_1_1 : OwsCommon.OWS_1_0);
        ServiceDescription service = plainService.map(s -> version100Service(s, ns)).orElseGet(() -> ows.service(root));
        List<OgcLayer> layers = Xml.child(root, ns, "FeatureTypeList")
                .map(list -> Xml.children(list, ns, "FeatureType")).orElse(List.of()).stream()
                .map(type -> new OgcLayer(Xml.childText(type, ns, "Name"), Xml.childText(type, ns, "Title"),
                        ows.wgs84Box(type).or(() -> latLongBox(type, ns)), crs(type, ns)))
                .toList();
        return new OgcCapabilities(OgcServiceType.WFS, root.getAttribute("version"), service.title(),
                service.abstractText(), service.keywords(), layers, linkage);
    }

    /** WFS 1.0.0 keeps keywords as one text; servers separate them by commas or line breaks. */
    private static ServiceDescription version100Service(Element service, String ns) {
        List<String> keywords = Stream.of(Xml.childText(service, ns, "Keywords").split("[,\\n]"))
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
        return new ServiceDescription(Xml.childText(service, ns, "Title"), Xml.childText(service, ns, "Abstract"),
                keywords);
    }

    private static List<String> crs(Element type, String ns) {
        return Stream.of("DefaultCRS", "OtherCRS", "DefaultSRS", "OtherSRS", "SRS")
                .flatMap(element -> Xml.childTexts(type, ns, element).stream()).distinct().toList();
    }

    private static Optional<LonLatBox> latLongBox(Element type, String ns) {
        return Xml.child(type, ns, "LatLongBoundingBox").flatMap(Boxes::ofAttributes);
    }
}
