package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;
import org.w3c.dom.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WMS 1.3.0 ({@code WMS_Capabilities} in the WMS namespace, {@code CRS}, {@code EX_GeographicBoundingBox}) and
 * WMS 1.1.x ({@code WMT_MS_Capabilities} in no namespace, {@code SRS}, {@code LatLonBoundingBox}).
 *
 * <p>Layers nest. Every layer with a {@code Name} can be requested and is listed; nameless ones only group. A
 * layer inherits its parents' reference systems (adding its own) and their geographic box unless it states one,
 * as the WMS specification says.
 */
final class WmsReader implements CapabilitiesReader {

    static final String WMS_1_3 = "http://www.opengis.net/wms";

    @Override
    public boolean reads(Element root) {
        return Xml.is(root, WMS_1_3, "WMS_Capabilities") || Xml.is(root, null, "WMT_MS_Capabilities");
    }

    @Override
    public OgcCapabilities read(Element root, URI linkage) {
        String ns = root.getNamespaceURI();
        Element service = Xml.child(root, ns, "Service").orElse(root);
        List<String> keywords = Xml.child(service, ns, "KeywordList")
                .map(list -> Xml.childTexts(list, ns, "Keyword")).orElse(List.of());
        List<OgcLayer> layers = new ArrayList<>();
        Xml.child(root, ns, "Capability").ifPresent(capability -> Xml.children(capability, ns, "Layer")
                .forEach(top -> collect(top, ns, List.of(), Optional.empty(), layers)));
        return new OgcCapabilities(OgcServiceType.WMS, root.getAttribute("version"),
                Xml.childText(service, ns, "Title"), Xml.childText(service, ns, "Abstract"), keywords, layers, linkage);
    }

    private static void collect(Element layer, String ns, List<String> parentCrs, Optional<LonLatBox> parentBox,
                                List<OgcLayer> out) {
        Set<String> crs = new LinkedHashSet<>();
        // 1.1.0 allowed several codes, separated by spaces, in one SRS element.
        Xml.childTexts(layer, ns, ns == null ? "SRS" : "CRS").forEach(text -> crs.addAll(List.of(text.split("\\s+"))));
        crs.addAll(parentCrs);
        Optional<LonLatBox> box = ownBox(layer, ns).or(() -> parentBox);
        String name = Xml.childText(layer, ns, "Name");
        if (!name.isEmpty()) {
            out.add(new OgcLayer(name, Xml.childText(layer, ns, "Title"), box, List.copyOf(crs)));
        }
        Xml.children(layer, ns, "Layer").forEach(child -> collect(child, ns, List.copyOf(crs), box, out));
    }

    private static Optional<LonLatBox> ownBox(Element layer, String ns) {
        if (ns == null) {
            return Xml.child(layer, null, "LatLonBoundingBox").flatMap(Boxes::ofAttributes);
        }
        return Xml.child(layer, ns, "EX_GeographicBoundingBox").flatMap(box -> Boxes.of(
                Xml.childText(box, ns, "westBoundLongitude"), Xml.childText(box, ns, "southBoundLatitude"),
                Xml.childText(box, ns, "eastBoundLongitude"), Xml.childText(box, ns, "northBoundLatitude")));
    }
}
