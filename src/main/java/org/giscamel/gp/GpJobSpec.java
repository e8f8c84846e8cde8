package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One declared GP job (a {@code templatedRoute} of {@code gis-gp-job}), as it is stored with every job it
 * starts: a job runs to its end with the declaration it was dropped under, even if the YAML changes meanwhile.
 *
 * @param parameters     fixed input values sent with every job (JSON object: parameter name to value)
 * @param output         Camel endpoint URI the outputs go to; {@code file:<folder>} is written atomically here,
 *                       {@code file:<folder>?<options>} by Camel's file producer with its options (see {@link GpOutbox})
 * @param mapImage       the map image to export from the result map service, if wanted
 * @param returnData     send {@code returnType=data} so a service with a result map service returns data, not images
 * @param deadline       how long the job may take from submission; empty = the flow's {@code gis.gp.deadline}
 * @param featureFormats how feature outputs are written
 * @param inputWkid      spatial reference of GeoJSON inputs that do not name one
 * @param wpsProcess     the process identifier when {@code taskUrl} is an OGC WPS 1.0.0 endpoint; empty for an
 *                       ArcGIS GP task. Stored with the job, so a restart polls it with the same protocol.
 * @param wpsInput       what a WPS process gets of the dropped file; {@code CONTENT} for an ArcGIS task
 */
public record GpJobSpec(String name, URI taskUrl, String inputParameter, ObjectNode parameters, String output,
                        Optional<MapImage> mapImage, boolean returnData, Optional<Duration> deadline,
                        Set<FeatureFormat> featureFormats, int inputWkid, Optional<String> wpsProcess,
                        WpsInput wpsInput) {

    /** A job on an ArcGIS GP task. */
    public GpJobSpec(String name, URI taskUrl, String inputParameter, ObjectNode parameters, String output,
                     Optional<MapImage> mapImage, boolean returnData, Optional<Duration> deadline,
                     Set<FeatureFormat> featureFormats, int inputWkid) {
        this(name, taskUrl, inputParameter, parameters, output, mapImage, returnData, deadline, featureFormats,
                inputWkid, Optional.empty(), WpsInput.CONTENT);
    }

    /** What a WPS process input gets of the dropped file (template parameter {@code wpsInput}). */
    public enum WpsInput {
        /** Its content, as {@code ComplexData} inline or by reference, in a format the process describes. */
        CONTENT,
        /** Its file name, as a literal value. */
        NAME
    }

    /** How a feature set output is written: GeoJSON and/or the server's raw Esri JSON. */
    public enum FeatureFormat {
        GEOJSON, ESRIJSON;

        static FeatureFormat parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", ""));
        }
    }

    /** Size in pixels and the export {@code format} (png, png8, png24, png32, jpg, gif, bmp). */
    public record MapImage(int width, int height, String format) {

        /** The file extension of the format. */
        public String extension() {
            return format.startsWith("png") ? "png" : format;
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = GpJson.object().put("name", name).put("taskUrl", taskUrl.toString())
                .put("inputParameter", inputParameter).put("output", output).put("returnData", returnData)
                .put("inputWkid", inputWkid);
        node.set("parameters", parameters);
        mapImage.ifPresent(m -> node.putObject("mapImage").put("width", m.width()).put("height", m.height())
                .put("format", m.format()));
        deadline.ifPresent(d -> node.put("deadline", d.toString()));
        featureFormats.forEach(f -> node.withArray("featureFormats").add(f.name()));
        wpsProcess.ifPresent(p -> node.put("backend", "wps").put("process", p)
                .put("wpsInput", wpsInput.name().toLowerCase(Locale.ROOT)));
        return node;
    }

    public static GpJobSpec fromJson(JsonNode node) {
        boolean wps = "wps".equals(node.path("backend").asText());
        Set<FeatureFormat> formats = EnumSet.noneOf(FeatureFormat.class);
        node.path("featureFormats").forEach(f -> formats.add(FeatureFormat.valueOf(f.asText())));
        JsonNode map = node.path("mapImage");
        return new GpJobSpec(node.path("name").asText(), URI.create(node.path("taskUrl").asText()),
                node.path("inputParameter").asText(), (ObjectNode) node.path("parameters"), node.path("output").asText(),
                map.isObject() ? Optional.of(new MapImage(map.path("width").asInt(), map.path("height").asInt(),
                        map.path("format").asText())) : Optional.empty(),
                node.path("returnData").asBoolean(true),
                node.hasNonNull("deadline") ? Optional.of(Duration.parse(node.get("deadline").asText())) : Optional.empty(),
                formats, node.path("inputWkid").asInt(),
                wps ? Optional.of(node.path("process").asText()) : Optional.empty(),
                // WPS jobs stored before wpsInput existed passed the name
                wps ? WpsInput.valueOf(node.path("wpsInput").asText("name").toUpperCase(Locale.ROOT)) : WpsInput.CONTENT);
    }
}
