package org.giscamel.gp;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The WPS 1.0.0 {@code Execute} request document (OGC 05-007r7, {@code wpsExecute_request.xsd}) of a job whose
 * input is a file's content: the fixed parameters as {@code LiteralData}, the content as {@code ComplexData}
 * (inline) or {@code Reference} (a URL the server fetches), and a {@code ResponseDocument} with
 * {@code storeExecuteResponse="true" status="true"}, so the server answers at once with a {@code statusLocation}.
 * Built as a DOM and serialized by the JDK, so every text and attribute is escaped.
 */
final class WpsExecuteDocument {

    private static final String XLINK = "http://www.w3.org/1999/xlink";

    /** The dropped file's content as the process input gets it, in the format chosen from the description. */
    sealed interface Complex {
        WpsFormat format();

        /** Text (JSON): CDATA sections, so that neither the server nor this document escapes its characters. */
        record Text(WpsFormat format, String text) implements Complex {
        }

        /** An XML document: its root element becomes the child of {@code ComplexData}, as the schema's any. */
        record Xml(WpsFormat format, Element root) implements Complex {
        }

        /** {@code wps:Reference xlink:href}: the server fetches the content itself. */
        record Reference(WpsFormat format, URI href) implements Complex {
        }
    }

    /** An output in the {@code ResponseDocument}; complex outputs are asked for by reference. */
    record Output(String identifier, boolean asReference) {
    }

    private WpsExecuteDocument() {
    }

    /**
     * @param literals fixed parameters, in order: identifier to value
     * @param outputs  the outputs wanted; the schema needs at least one
     */
    static String build(String process, Map<String, String> literals, String inputIdentifier, Complex input,
                        List<Output> outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a ResponseDocument names at least one output");
        }
        Document doc = newDocument();
        Element execute = doc.createElementNS(WpsProcess.WPS, "wps:Execute");
        doc.appendChild(execute);
        execute.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wps", WpsProcess.WPS);
        execute.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ows", WpsProcess.OWS);
        execute.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xlink", XLINK);
        execute.setAttribute("service", "WPS");
        execute.setAttribute("version", "1.0.0");
        identifier(execute, process);
        Element inputs = child(execute, WpsProcess.WPS, "wps:DataInputs");
        literals.forEach((name, value) -> {
            Element literal = child(child(input(inputs, name), WpsProcess.WPS, "wps:Data"), WpsProcess.WPS,
                    "wps:LiteralData");
            literal.setTextContent(value);
        });
        Element complexInput = input(inputs, inputIdentifier);
        if (input instanceof Complex.Reference reference) {
            Element element = child(complexInput, WpsProcess.WPS, "wps:Reference");
            element.setAttributeNS(XLINK, "xlink:href", reference.href().toString());
            format(element, input.format());
        } else {
            Element data = child(child(complexInput, WpsProcess.WPS, "wps:Data"), WpsProcess.WPS, "wps:ComplexData");
            format(data, input.format());
            if (input instanceof Complex.Xml xml) {
                data.appendChild(doc.importNode(xml.root(), true));
            } else {
                cdata(data, ((Complex.Text) input).text());
            }
        }
        Element document = child(child(execute, WpsProcess.WPS, "wps:ResponseForm"), WpsProcess.WPS,
                "wps:ResponseDocument");
        document.setAttribute("storeExecuteResponse", "true");
        document.setAttribute("status", "true");
        for (Output output : outputs) {
            Element element = child(document, WpsProcess.WPS, "wps:Output");
            if (output.asReference()) {
                element.setAttribute("asReference", "true");
            }
            identifier(element, output.identifier());
        }
        return serialize(doc);
    }

    /**
     * A CDATA section cannot hold {@code ]]>}: the text is cut between {@code ]]} and {@code >}, each piece in its
     * own section, and a reader joins them back into the same text.
     */
    private static void cdata(Element parent, String text) {
        int from = 0;
        for (int end = text.indexOf("]]>"); end >= 0; end = text.indexOf("]]>", from)) {
            parent.appendChild(parent.getOwnerDocument().createCDATASection(text.substring(from, end + 2)));
            from = end + 2;
        }
        parent.appendChild(parent.getOwnerDocument().createCDATASection(text.substring(from)));
    }

    private static void format(Element element, WpsFormat format) {
        element.setAttribute("mimeType", format.mimeType());
        if (!format.encoding().isEmpty()) {
            element.setAttribute("encoding", format.encoding());
        }
        if (!format.schema().isEmpty()) {
            element.setAttribute("schema", format.schema());
        }
    }

    private static Element input(Element inputs, String identifier) {
        Element input = child(inputs, WpsProcess.WPS, "wps:Input");
        identifier(input, identifier);
        return input;
    }

    private static void identifier(Element parent, String identifier) {
        child(parent, WpsProcess.OWS, "ows:Identifier").setTextContent(identifier);
    }

    private static Element child(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser failure", e);
        }
    }

    private static String serialize(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the WPS Execute request", e);
        }
    }
}
