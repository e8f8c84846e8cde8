package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.http.GisRequest;
import org.giscamel.ogc.Xml;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.TransientServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The OGC WPS 1.0.0 protocol as a job backend: an asynchronous {@code Execute} with
 * {@code storeExecuteResponse=true&status=true} and outputs {@code asReference}, then reads of the
 * {@code statusLocation} it names. The dropped file's content goes as the complex input, in an Execute request
 * document sent by POST ({@link WpsExecuteDocument}, {@link WpsInputs}); with {@code wpsInput name} its name goes
 * as a literal, in a KVP GET. The server job id is that status location. WPS statuses take the ArcGIS codes:
 * ProcessAccepted 1, ProcessPaused 2, ProcessStarted 3 (all below 4: polled on), ProcessSucceeded 4,
 * ProcessFailed 5. Outputs by reference become RASTER ({@code image/tiff}) or DATA_FILE results, literal outputs
 * go to {@code results.json}. WPS 1.0.0 has no cancel: a job past its deadline is left to the server.
 */
public final class WpsProcess implements GpBackend {

    static final String WPS = "http://www.opengis.net/wps/1.0.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    private static final Logger LOG = LoggerFactory.getLogger(WpsProcess.class);

    private final GpServer server;
    private final WpsInputs inputs;

    public WpsProcess(GpServer server, WpsInputs inputs) {
        this.server = server;
        this.inputs = inputs;
    }

    /**
     * The declaration's fixed parameters go into {@code DataInputs} as literals, with the dropped file's content
     * (or, with {@code wpsInput name}, its name, which is {@code inputValue}).
     */
    @Override
    public Submission submit(GpJobRecord job, String inputValue) {
        if (job.spec().wpsInput() == GpJobSpec.WpsInput.NAME) {
            try {
                return submitted(job, fetch(server, "submit WPS process", nameExecute(job.spec(), inputValue)));
            } catch (TransientServerException e) {
                throw SubmitOutcome.afterTransientFailure(e);
            }
        }
        try {
            return submitContent(job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * POST of the Execute request document. The outputs are those listed in {@code parameters._outputs}, else
     * every output the process describes; complex ones are asked for by reference.
     */
    private Submission submitContent(GpJobRecord job) throws IOException {
        GpJobSpec spec = job.spec();
        WpsInputs.Plan plan = inputs.plan(spec, job.inputPath(), job.inputName());
        WpsProcessDescription description = inputs.describe(spec);
        Map<String, String> literals = new LinkedHashMap<>();
        List<WpsExecuteDocument.Output> outputs = new ArrayList<>();
        spec.parameters().fields().forEachRemaining(p -> {
            if (p.getKey().equals(OUTPUTS)) {
                p.getValue().forEach(o -> outputs.add(new WpsExecuteDocument.Output(o.asText(), description.outputs()
                        .stream().noneMatch(d -> d.identifier().equals(o.asText()) && !d.complex()))));
            } else {
                literals.put(p.getKey(), literal(p.getValue()));
            }
        });
        if (outputs.isEmpty()) {
            description.outputs().forEach(o -> outputs.add(new WpsExecuteDocument.Output(o.identifier(), o.complex())));
        }
        WpsExecuteDocument.Complex complex = inputs.complex(plan, job);
        LOG.info("{}: input '{}' goes {} as {} ({} bytes)", job.describe(), plan.input(),
                plan.inline().isPresent() ? "inline" : "by reference", plan.format(), plan.bytes());
        String xml = WpsExecuteDocument.build(spec.wpsProcess().orElseThrow(), literals, plan.input(), complex, outputs);
        Element response;
        try {
            response = fetch(server, "submit WPS process", GisRequest.postXml(spec.taskUrl(), xml));
        } catch (TransientServerException e) {
            // The copy stays: a retry sends the same reference, or the server that may have the job reads it.
            throw SubmitOutcome.afterTransientFailure(e);
        } catch (GisServerException e) {
            inputs.unpublish(job);
            throw e;
        }
        return submitted(job, response);
    }

    /**
     * The fixed parameters and the input value as literals in {@code DataInputs}; every output listed in
     * {@code parameters._outputs} (an array of identifiers) is asked for by reference through
     * {@code ResponseDocument}; without it the server's defaults apply.
     */
    private static GisRequest nameExecute(GpJobSpec spec, String inputValue) {
        StringJoiner inputs = new StringJoiner(";");
        StringJoiner outputs = new StringJoiner(";");
        spec.parameters().fields().forEachRemaining(p -> {
            if (p.getKey().equals(OUTPUTS)) {
                p.getValue().forEach(o -> outputs.add(o.asText() + "@asReference=true"));
            } else {
                inputs.add(p.getKey() + "=" + literal(p.getValue()));
            }
        });
        inputs.add(spec.inputParameter() + "=" + inputValue);
        GisRequest execute = GisRequest.get(spec.taskUrl()).param("service", "WPS").param("version", "1.0.0")
                .param("request", "Execute").param("identifier", spec.wpsProcess().orElseThrow())
                .param("DataInputs", inputs.toString()).param("storeExecuteResponse", "true").param("status", "true");
        if (outputs.length() > 0) {
            execute = execute.param("ResponseDocument", outputs.toString());
        }
        return execute;
    }

    private static String literal(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The job to poll, from the first ExecuteResponse. */
    private Submission submitted(GpJobRecord job, Element response) {
        String statusLocation = response.getAttribute("statusLocation");
        JobState state = state(response);
        if (statusLocation.isBlank()) {
            inputs.unpublish(job);
        }
        if (statusLocation.isBlank() && state.status() == GpJobStatus.FAILED) {
            throw new GpStepException(GpFailure.of("submit WPS process", "the server refused the process",
                    "job-failed", GpPoller.serverMessages(state.messages())));
        }
        if (statusLocation.isBlank()) {
            throw new GpStepException(GpFailure.of("submit WPS process", "the ExecuteResponse has no statusLocation: "
                    + "the process does not support storing its response", "bad-reply", List.of()));
        }
        return new Submission(Optional.of(statusLocation), state.status(), null, null);
    }

    /** The template parameter {@code parameters} key that lists the outputs wanted by reference. */
    static final String OUTPUTS = "_outputs";

    /** Once the job has ended, the server has no more use for an input published for it. */
    @Override
    public JobState read(GpJobRecord job, boolean finalRead) {
        JobState state = state(fetch(server, "read WPS status", GisRequest.get(URI.create(job.serverJobId().orElseThrow()))));
        if (state.status().stopsPolling()) {
            inputs.unpublish(job);
        }
        return state;
    }

    @Override
    public Optional<GpJobStatus> cancel(GpJobRecord job) {
        return Optional.empty();
    }

    /** Read once with the final status; nothing more to fetch. */
    @Override
    public List<JsonNode> results(GpJobRecord job) {
        List<JsonNode> results = new ArrayList<>();
        job.results().forEach(results::add);
        return results;
    }

    /** The status, progress, failure messages and outputs of a {@code wps:ExecuteResponse}. */
    static JobState state(Element response) {
        if (Xml.is(response, OWS, "ExceptionReport")) {
            return new JobState(GpJobStatus.FAILED, GpJson.object(), exceptionMessages(response), null);
        }
        if (!Xml.is(response, WPS, "ExecuteResponse")) {
            throw new GpStepException(GpFailure.of("read WPS status", "the reply is not a WPS 1.0.0 ExecuteResponse "
                    + "but " + response.getLocalName(), "bad-reply", List.of()));
        }
        Element status = Xml.child(response, WPS, "Status").orElseThrow(() -> new GpStepException(GpFailure.of(
                "read WPS status", "the ExecuteResponse has no Status", "bad-reply", List.of())));
        ObjectNode progress = GpJson.object();
        ArrayNode messages = GpJson.MAPPER.createArrayNode();
        for (Node node = status.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element child) || !WPS.equals(child.getNamespaceURI())) {
                continue;
            }
            switch (child.getLocalName()) {
                case "ProcessAccepted" -> {
                    return running(GpJobStatus.SUBMITTED, child, progress);
                }
                case "ProcessPaused" -> {
                    return running(GpJobStatus.WAITING, child, progress);
                }
                case "ProcessStarted" -> {
                    return running(GpJobStatus.EXECUTING, child, progress);
                }
                case "ProcessFailed" -> {
                    // the schema says ows:ExceptionReport; PyWPS 4.5 writes wps:ExceptionReport
                    Xml.child(child, OWS, "ExceptionReport").or(() -> Xml.child(child, WPS, "ExceptionReport"))
                            .ifPresent(r -> messages.addAll(exceptionMessages(r)));
                    return new JobState(GpJobStatus.FAILED, progress, messages, null);
                }
                default -> {
                    // ProcessSucceeded below; anything else is not a status
                }
            }
        }
        if (Xml.child(status, WPS, "ProcessSucceeded").isPresent()) {
            messages.addObject().put("type", "esriJobMessageTypeInformative")
                    .put("description", Xml.childText(status, WPS, "ProcessSucceeded"));
            return new JobState(GpJobStatus.SUCCEEDED, progress, messages, outputs(response));
        }
        return new JobState(GpJobStatus.FAILED, progress, messages, null); // an unknown status would never end
    }

    private static JobState running(GpJobStatus status, Element element, ObjectNode progress) {
        String percent = element.getAttribute("percentCompleted");
        if (percent.matches("\\d{1,3}")) {
            progress.put("percent", Integer.parseInt(percent));
        }
        if (!Xml.text(element).isEmpty()) {
            progress.put("message", Xml.text(element));
        }
        return new JobState(status, progress, GpJson.MAPPER.createArrayNode(), null);
    }

    /** Each output as a result node the downloader writes: references are downloaded, literals listed. */
    private static ArrayNode outputs(Element response) {
        ArrayNode results = GpJson.MAPPER.createArrayNode();
        Xml.child(response, WPS, "ProcessOutputs").ifPresent(outputs -> {
            for (Element output : Xml.children(outputs, WPS, "Output")) {
                String name = Xml.childText(output, OWS, "Identifier");
                Optional<Element> reference = Xml.child(output, WPS, "Reference");
                if (reference.isPresent()) {
                    boolean tiff = reference.get().getAttribute("mimeType").toLowerCase(Locale.ROOT).startsWith("image/tiff");
                    results.addObject().put("paramName", name).put("dataType", tiff ? "GPRasterDataLayer" : "GPDataFile")
                            .putObject("value").put("url", href(reference.get()))
                            .put("format", tiff ? "tif" : "dat");
                    continue;
                }
                Xml.child(output, WPS, "Data").flatMap(d -> Xml.child(d, WPS, "LiteralData")).ifPresent(literal ->
                        results.addObject().put("paramName", name).put("dataType", "GPString")
                                .put("value", Xml.text(literal)));
            }
        });
        return results;
    }

    /** WPS 1.0.0 names it {@code href}, without namespace; some servers write {@code xlink:href}. */
    private static String href(Element reference) {
        String href = reference.getAttribute("href");
        return href.isEmpty() ? reference.getAttributeNS(XLINK, "href") : href;
    }

    static ArrayNode exceptionMessages(Element report) {
        ArrayNode messages = GpJson.MAPPER.createArrayNode();
        for (Element exception : Xml.children(report, OWS, "Exception")) {
            String code = exception.getAttribute("exceptionCode");
            for (String text : Xml.childTexts(exception, OWS, "ExceptionText")) {
                messages.addObject().put("type", "esriJobMessageTypeError")
                        .put("description", code.isEmpty() ? text : code + ": " + text);
            }
        }
        return messages;
    }

    /** Sends the request and parses the reply, which must be XML. */
    static Element fetch(GpServer server, String step, GisRequest request) {
        byte[] xml = server.download(step, request, (headers, body) -> body.readAllBytes());
        try {
            return Xml.parse(xml).getDocumentElement();
        } catch (RuntimeException e) {
            throw new GpStepException(GpFailure.of(step, "the reply is not well-formed XML", "bad-reply", List.of()));
        }
    }
}
