package org.giscamel.ogc;

import org.w3c.dom.Element;

import java.net.URI;
import java.util.List;

/**
 * Reads a GetCapabilities reply of WMS 1.3.0/1.1.x, WMTS 1.0.0, WFS 2.0.0/1.1.0/1.0.0 or WCS 2.0.x/1.1.x/1.0.0
 * into {@link OgcCapabilities}. The service type and version come from the document's root element and namespace,
 * not from what was asked: servers negotiate versions down.
 */
public final class OgcCapabilitiesParser {

    private static final List<CapabilitiesReader> READERS =
            List.of(new WmsReader(), new WmtsReader(), new WfsReader(), new WcsReader());

    private OgcCapabilitiesParser() {
    }

    /**
     * @param linkage the address to register for the service, kept in the result
     * @throws CapabilitiesFormatException for an exception report (with its texts), another XML document, or a
     *                                     body that is not XML
     */
    public static OgcCapabilities parse(byte[] body, URI linkage) {
        Element root = Xml.parse(body).getDocumentElement();
        ExceptionReports.texts(root).ifPresent(texts -> {
            throw new CapabilitiesFormatException("the server sent an exception report", texts);
        });
        return READERS.stream().filter(reader -> reader.reads(root)).findFirst()
                .map(reader -> reader.read(root, linkage))
                .orElseThrow(() -> new CapabilitiesFormatException("not OGC capabilities",
                        List.of("root element " + describe(root))));
    }

    /** The texts of an exception report in {@code body}; empty for anything else, including a body that is not XML. */
    public static List<String> exceptionTexts(byte[] body) {
        try {
            return ExceptionReports.texts(Xml.parse(body).getDocumentElement()).orElse(List.of());
        } catch (CapabilitiesFormatException notXml) {
            return List.of();
        }
    }

    private static String describe(Element root) {
        String ns = root.getNamespaceURI();
        return ns == null ? root.getLocalName() : "{" + ns + "}" + root.getLocalName();
    }
}
