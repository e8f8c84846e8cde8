package org.giscamel.gp;

import org.giscamel.gp.input.GpInputException;
import org.giscamel.gp.input.JsonDocuments;
import org.giscamel.http.GisRequest;
import org.giscamel.ogc.Xml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

import java.io.IOException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a dropped file's content becomes the complex input of a WPS process (backend wps, wpsInput content). The
 * process description ({@code DescribeProcess}, read once per process and kept, as task metadata is) says the
 * input takes {@code ComplexData} and in which formats; the file's extension gives its type, and the format is
 * the first one of that type (the default first), else the first of its kind (JSON or XML). A JSON or XML file
 * up to {@code gis.gp.wps.inline-max-kilobytes} goes inline; a larger one, or any other file, by reference: it is
 * copied into {@code gis.gp.wps.reference-dir} as {@code <jobId>.<ext>} (the job id is random, so the URL cannot
 * be guessed) and the server fetches it from {@code gis.gp.wps.reference-url}. The copy is deleted once the
 * server reports the job ended; a job that times out keeps it, since the server may still read it.
 */
public final class WpsInputs {

    private static final Logger LOG = LoggerFactory.getLogger(WpsInputs.class);

    /** Types the JDK's table of file names does not know. */
    private static final Map<String, String> GIS_TYPES = Map.of(
            "geojson", "application/geo+json",
            "gml", "application/gml+xml",
            "kml", "application/vnd.google-earth.kml+xml",
            "kmz", "application/vnd.google-earth.kmz",
            "gpkg", "application/geopackage+sqlite3",
            "jp2", "image/jp2");

    private enum Kind { JSON, XML, OTHER }

    /**
     * The decision for one dropped file.
     *
     * @param inline the content for the Execute request; empty when the file goes by reference
     */
    record Plan(String input, WpsFormat format, long bytes, Optional<WpsExecuteDocument.Complex> inline) {

        String delivery() {
            return inline.isPresent() ? "inline" : "reference";
        }
    }

    private final GpServer server;
    private final WpsSettings settings;
    private final Map<String, WpsProcessDescription> described = new ConcurrentHashMap<>();

    public WpsInputs(GpServer server, WpsSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /** The job's process as its server describes it; a failed read is not kept, so the next drop tries again. */
    WpsProcessDescription describe(GpJobSpec spec) {
        String process = spec.wpsProcess().orElseThrow();
        String key = spec.taskUrl() + " " + process;
        WpsProcessDescription known = described.get(key);
        if (known != null) {
            return known;
        }
        Element reply = WpsProcess.fetch(server, "describe WPS process", GisRequest.get(spec.taskUrl())
                .param("service", "WPS").param("version", "1.0.0").param("request", "DescribeProcess")
                .param("identifier", process));
        WpsProcessDescription description = WpsProcessDescription.parse(reply, process);
        described.putIfAbsent(key, description);
        return description;
    }

    /**
     * Checks the file against the process description and decides how it travels; only the description is read
     * from the server. A JSON or XML file to go inline is parsed here, so a broken one fails before submission.
     */
    Plan plan(GpJobSpec spec, Path file, String name) throws IOException {
        long bytes = Files.size(file);
        if (bytes == 0) {
            throw new GpInputException(GpInputException.Reason.EMPTY_FILE, name + ": the file is empty");
        }
        String process = spec.wpsProcess().orElseThrow();
        WpsProcessDescription description = describe(spec);
        String id = spec.inputParameter();
        WpsProcessDescription.Input input = description.input(id).orElseThrow(() -> new GpStepException(
                GpFailure.of("describe WPS process", "the process '" + process + "' has no input '" + id
                        + "'; its inputs are " + description.inputs().keySet(), "unknown-parameter", List.of())));
        if (input.kind() != WpsProcessDescription.Kind.COMPLEX) {
            throw new GpStepException(GpFailure.of("describe WPS process", "the input '" + id + "' of the process '"
                    + process + "' takes " + (input.kind() == WpsProcessDescription.Kind.LITERAL ? "a literal value"
                    : "a bounding box") + ", not a file's content; to pass the dropped file's name as a literal, set "
                    + "the job parameter wpsInput to name", "wrong-parameter-type", List.of()));
        }
        String type = type(name);
        Kind kind = kind(type);
        WpsFormat format = format(input.formats(), name).orElseThrow(() -> new GpInputException(
                GpInputException.Reason.UNSUPPORTED_FILE_TYPE, name + " (" + (type.isEmpty()
                ? "a type its extension does not tell" : type) + ") matches none of the formats the input '" + id
                + "' of the process '" + process + "' takes: " + input.formats()));
        double maximum = input.maximumMegabytes().orElse(Double.POSITIVE_INFINITY);
        if (bytes > maximum * (1 << 20)) {
            throw new GpInputException(GpInputException.Reason.FILE_TOO_LARGE, name + " has " + bytes
                    + " bytes; the process '" + process + "' takes at most " + (maximum == Math.rint(maximum)
                    ? String.valueOf((long) maximum) : String.valueOf(maximum)) + " MB for its input '" + id
                    + "' (its ComplexData maximumMegabytes)");
        }
        if (kind != Kind.OTHER && bytes <= settings.inlineMaxBytes()) {
            return new Plan(id, format, bytes, Optional.of(inline(file, name, kind, format)));
        }
        if (!settings.references()) {
            throw new GpStepException(GpFailure.of("read input", name + " (" + bytes + " bytes, "
                    + (kind == Kind.OTHER ? "neither JSON nor XML" : "above " + WpsSettings.INLINE_MAX + "="
                    + (settings.inlineMaxBytes() >> 10)) + ") must go to the WPS server by reference, and no "
                    + "reference URL is configured: set " + WpsSettings.REFERENCE_DIR + " to a folder a web server "
                    + "publishes and " + WpsSettings.REFERENCE_URL + " to its URL as the WPS server reaches it"
                    + (kind == Kind.OTHER ? "" : ", or raise " + WpsSettings.INLINE_MAX), "no-reference-url",
                    List.of()));
        }
        return new Plan(id, format, bytes, Optional.empty());
    }

    /** The complex input for the Execute request: the inline content, or the file published for the server. */
    WpsExecuteDocument.Complex complex(Plan plan, GpJobRecord job) throws IOException {
        if (plan.inline().isPresent()) {
            return plan.inline().get();
        }
        Path dir = settings.referenceDir().orElseThrow();
        Files.createDirectories(dir);
        String published = publishedName(job);
        Path temp = dir.resolve(published + ".part");
        Files.copy(job.inputPath(), temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, dir.resolve(published), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new WpsExecuteDocument.Complex.Reference(plan.format(),
                URI.create(settings.referenceUrl().orElseThrow() + "/" + published));
    }

    /** The server is done with the job's input (it ended, or refused it): its published copy goes. */
    void unpublish(GpJobRecord job) {
        if (settings.referenceDir().isEmpty()) {
            return;
        }
        Path published = settings.referenceDir().get().resolve(publishedName(job));
        try {
            if (Files.deleteIfExists(published)) {
                LOG.debug("{}: deleted its input published for the WPS server", job.describe());
            }
        } catch (IOException e) {
            LOG.warn("{}: could not delete {}: {}", job.describe(), published, e.toString());
        }
    }

    /** The job id (random) and the input's extension, as far as it is a plain one. */
    private static String publishedName(GpJobRecord job) {
        String extension = extension(job.inputName());
        return job.id() + (extension.matches("[a-z0-9]{1,10}") ? "." + extension : "");
    }

    private static WpsExecuteDocument.Complex inline(Path file, String name, Kind kind, WpsFormat format)
            throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (kind == Kind.XML) {
            Element root;
            try {
                root = Xml.parse(content).getDocumentElement();
            } catch (RuntimeException e) {
                throw new GpInputException(GpInputException.Reason.MALFORMED_XML, name + ": " + e.getMessage());
            }
            return new WpsExecuteDocument.Complex.Xml(format, root);
        }
        JsonDocuments.parse(name, content);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return new WpsExecuteDocument.Complex.Text(format, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            throw new GpInputException(GpInputException.Reason.MALFORMED_JSON, name + ": JSON must be UTF-8 (RFC 8259)");
        }
    }

    /**
     * The format a file of this name goes in: the first of the file's type, else the first of its kind (JSON or
     * XML), in the order of the description (the default first). Formats that want base64 are passed over, since
     * the content goes as it is.
     */
    static Optional<WpsFormat> format(List<WpsFormat> formats, String name) {
        String type = type(name);
        Kind kind = kind(type);
        List<WpsFormat> usable = formats.stream().filter(f -> !f.base64()).toList();
        return usable.stream().filter(f -> f.baseType().equals(type)).findFirst().or(() -> kind == Kind.OTHER
                ? Optional.empty() : usable.stream().filter(f -> kind(f.baseType()) == kind).findFirst());
    }

    /** {@code application/json}, {@code application/geo+json}; {@code text/xml}, {@code application/gml+xml}. */
    private static Kind kind(String baseType) {
        return baseType.endsWith("json") ? Kind.JSON : baseType.endsWith("xml") ? Kind.XML : Kind.OTHER;
    }

    /** The MIME type the file's extension stands for; empty when unknown. */
    private static String type(String name) {
        String extension = extension(name);
        String type = GIS_TYPES.getOrDefault(extension, URLConnection.guessContentTypeFromName("file." + extension));
        return type == null ? "" : type;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
