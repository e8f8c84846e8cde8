package org.giscamel.ogc;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OGC exception reports, which servers send instead of capabilities (often with HTTP 200): OWS
 * {@code ExceptionReport} (WMTS, WFS 1.1+, WCS 1.1+) and {@code ServiceExceptionReport} (WMS, WFS 1.0, WCS 1.0).
 * The children are read in the report's own namespace, whichever OWS or OGC version it is.
 */
final class ExceptionReports {

    private ExceptionReports() {
    }

    /** The report's texts as {@code code (locator): text}, or empty when the root is no exception report. */
    static Optional<List<String>> texts(Element root) {
        String ns = root.getNamespaceURI();
        List<String> texts = new ArrayList<>();
        if ("ExceptionReport".equals(root.getLocalName())) {
            for (Element exception : Xml.children(root, ns, "Exception")) {
                texts.add(describe(exception.getAttribute("exceptionCode"), exception.getAttribute("locator"),
                        String.join(" ", Xml.childTexts(exception, ns, "ExceptionText"))));
            }
        } else if ("ServiceExceptionReport".equals(root.getLocalName())) {
            for (Element exception : Xml.children(root, ns, "ServiceException")) {
                texts.add(describe(exception.getAttribute("code"), exception.getAttribute("locator"),
                        Xml.text(exception)));
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(texts);
    }

    private static String describe(String code, String locator, String text) {
        StringBuilder out = new StringBuilder();
        if (!code.isBlank()) {
            out.append(code.trim());
            if (!locator.isBlank()) {
                out.append(" (").append(locator.trim()).append(')');
            }
            out.append(": ");
        }
        return out.append(text.isBlank() ? "no exception text" : text.replaceAll("\\s+", " ").trim()).toString();
    }
}
