package org.giscamel.ogc;

import org.w3c.dom.Element;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WMTS 1.0.0: OWS 1.1 service identification, {@code Contents/Layer} with {@code ows:Identifier},
 * {@code ows:Title} and {@code ows:WGS84BoundingBox}. A layer's reference systems are those of the tile matrix
 * sets it links to, which {@code Contents/TileMatrixSet} declares with {@code ows:SupportedCRS}.
 */
final class WmtsReader implements CapabilitiesReader {

    static final String WMTS_1_0 = "http://www.opengis.net/wmts/1.0";
    private static final OwsCommon OWS = new OwsCommon(OwsCommon.OWS_1_1);

    @Override
    public boolean reads(Element root) {
        return Xml.is(root, WMTS_1_0, "Capabilities");
    }

    @Override
    public OgcCapabilities read(Element root, URI linkage) {
        ServiceDescription service = OWS.service(root);
        Optional<Element> contents = Xml.child(root, WMTS_1_0, "Contents");
        Map<String, String> matrixSetCrs = new HashMap<>();
        contents.ifPresent(c -> Xml.children(c, WMTS_1_0, "TileMatrixSet").forEach(set ->
                matrixSetCrs.put(OWS.identifier(set), Xml.childText(set, OwsCommon.OWS_1_1, "SupportedCRS"))));
        List<OgcLayer> layers = contents.map(c -> Xml.children(c, WMTS_1_0, "Layer")).orElse(List.of()).stream()
                .map(layer -> layer(layer, matrixSetCrs)).toList();
        return new OgcCapabilities(OgcServiceType.WMTS, root.getAttribute("version"), service.title(),
                service.abstractText(), service.keywords(), layers, linkage);
    }

    private static OgcLayer layer(Element layer, Map<String, String> matrixSetCrs) {
        Set<String> crs = new LinkedHashSet<>();
        for (Element link : Xml.children(layer, WMTS_1_0, "TileMatrixSetLink")) {
            String crsOfSet = matrixSetCrs.get(Xml.childText(link, WMTS_1_0, "TileMatrixSet"));
            if (crsOfSet != null && !crsOfSet.isEmpty()) {
                crs.add(crsOfSet);
            }
        }
        return new OgcLayer(OWS.identifier(layer), OWS.title(layer), OWS.wgs84Box(layer), List.copyOf(crs));
    }
}
