package org.giscamel.ogc;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Namespace-aware DOM reading for capabilities documents and other OGC replies (the WPS job backend uses it too). Elements are found by namespace URI and local name,
 * never by prefix: servers choose their own prefixes. A null namespace means "no namespace" (WMS 1.1.1).
 */
public final class Xml {

    private static final DocumentBuilderFactory FACTORY = safeFactory();

    /** Fails on errors instead of printing them to stderr, as the default handler does. */
    private static final ErrorHandler FAIL_QUIETLY = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings (e.g. an undeclared DTD element) do not make a document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private Xml() {
    }

    /**
     * Parses without fetching anything: a document type declaration is allowed (WMS 1.1.1 capabilities carry one
     * naming a DTD on the web), but no external DTD, entity, schema or XInclude is ever loaded, and entities
     * declared in the document are not expanded (capabilities need none), so an expansion bomb stays inert.
     */
    public static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // factories are not thread-safe; the builder is used by this thread only
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(FAIL_QUIETLY);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) { // bytes that do not decode in the declared encoding are an IOException
            throw new CapabilitiesFormatException("not well-formed XML", List.of(String.valueOf(e.getMessage())));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser failure", e);
        }
    }

    public static boolean is(Element element, String namespace, String localName) {
        return Objects.equals(element.getNamespaceURI(), namespace) && localName.equals(element.getLocalName());
    }

    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, namespace, localName)) {
                out.add(element);
            }
        }
        return out;
    }

    public static Optional<Element> child(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().findFirst();
    }

    /** The trimmed text of the first such child; empty when there is none. */
    public static String childText(Element parent, String namespace, String localName) {
        return child(parent, namespace, localName).map(Xml::text).orElse("");
    }

    /** The trimmed text of every such child, skipping empty ones. */
    public static List<String> childTexts(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().map(Xml::text).filter(t -> !t.isEmpty()).toList();
    }

    public static String text(Element element) {
        return element.getTextContent().trim();
    }

    private static DocumentBuilderFactory safeFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required safety feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
