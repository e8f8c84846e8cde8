package org.giscamel.gp;

import org.giscamel.ogc.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One process of a WPS 1.0.0 {@code DescribeProcess} reply ({@code wpsDescribeProcess_response.xsd}): its inputs,
 * with the formats a complex input takes, and its outputs. The schema leaves the elements inside
 * {@code ProcessDescriptions} unqualified (PyWPS and OWSLib write and read them so); the same names in the WPS
 * namespace are read too.
 *
 * @param inputs by identifier, in the order the process lists them
 */
record WpsProcessDescription(String identifier, Map<String, Input> inputs, List<Output> outputs) {

    enum Kind { COMPLEX, LITERAL, BOUNDING_BOX }

    /**
     * @param formats          the {@code Default} format first, then the other {@code Supported} ones; empty for a
     *                         literal or bounding box input
     * @param maximumMegabytes the {@code ComplexData maximumMegabytes} the server accepts, when it says
     */
    record Input(String identifier, Kind kind, List<WpsFormat> formats, OptionalDouble maximumMegabytes) {
    }

    /** @param complex a {@code ComplexOutput}, asked for by reference */
    record Output(String identifier, boolean complex) {
    }

    /**
     * @throws GpStepException when the reply is an exception report or does not describe the process
     */
    static WpsProcessDescription parse(Element reply, String process) {
        String step = "describe WPS process";
        if (Xml.is(reply, WpsProcess.OWS, "ExceptionReport")) {
            throw new GpStepException(GpFailure.of(step, "the server does not describe the process '" + process + "'",
                    "unknown-process", GpPoller.serverMessages(WpsProcess.exceptionMessages(reply))));
        }
        if (!Xml.is(reply, WpsProcess.WPS, "ProcessDescriptions")) {
            throw new GpStepException(GpFailure.of(step, "the reply is not a WPS 1.0.0 ProcessDescriptions but "
                    + reply.getLocalName(), "bad-reply", List.of()));
        }
        Element description = children(reply, "ProcessDescription").stream()
                .filter(d -> Xml.childText(d, WpsProcess.OWS, "Identifier").equals(process)).findFirst()
                .orElseThrow(() -> new GpStepException(GpFailure.of(step, "the ProcessDescriptions do not describe "
                        + "the process '" + process + "'", "unknown-process", List.of())));
        Map<String, Input> inputs = new LinkedHashMap<>();
        children(description, "DataInputs").stream().flatMap(d -> children(d, "Input").stream()).forEach(input -> {
            String id = Xml.childText(input, WpsProcess.OWS, "Identifier");
            inputs.put(id, input(id, input));
        });
        List<Output> outputs = new ArrayList<>();
        children(description, "ProcessOutputs").stream().flatMap(o -> children(o, "Output").stream()).forEach(output ->
                outputs.add(new Output(Xml.childText(output, WpsProcess.OWS, "Identifier"),
                        !children(output, "ComplexOutput").isEmpty())));
        return new WpsProcessDescription(process, inputs, List.copyOf(outputs));
    }

    Optional<Input> input(String identifier) {
        return Optional.ofNullable(inputs.get(identifier));
    }

    private static Input input(String id, Element input) {
        Optional<Element> complex = children(input, "ComplexData").stream().findFirst();
        if (complex.isEmpty()) {
            return new Input(id, children(input, "BoundingBoxData").isEmpty() ? Kind.LITERAL : Kind.BOUNDING_BOX,
                    List.of(), OptionalDouble.empty());
        }
        List<WpsFormat> formats = new ArrayList<>();
        for (String group : List.of("Default", "Supported")) {
            children(complex.get(), group).stream().flatMap(g -> children(g, "Format").stream()).map(f ->
                    new WpsFormat(text(f, "MimeType"), text(f, "Encoding"), text(f, "Schema")))
                    .filter(f -> !f.mimeType().isEmpty() && !formats.contains(f)).forEach(formats::add);
        }
        return new Input(id, Kind.COMPLEX, List.copyOf(formats), megabytes(complex.get().getAttribute("maximumMegabytes")));
    }

    private static OptionalDouble megabytes(String attribute) {
        try {
            double value = Double.parseDouble(attribute);
            return value > 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty(); // absent: the description sets no limit
        }
    }

    private static String text(Element parent, String name) {
        return children(parent, name).stream().findFirst().map(Xml::text).orElse("");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>(Xml.children(parent, null, name));
        found.addAll(Xml.children(parent, WpsProcess.WPS, name));
        return found;
    }
}
