package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ProducerTemplate;
import org.giscamel.arcgis.geometry.EsriToGeoJson;
import org.giscamel.arcgis.geometry.GeoJsonFeatures;
import org.giscamel.gp.output.GpOutputKind;
import org.giscamel.gp.output.LiteralResults;
import org.giscamel.gp.output.OutputNames;
import org.giscamel.gp.output.UnsafeOutputNameException;
import org.giscamel.gp.output.WrittenFile;
import org.giscamel.http.GisRequest;
import org.giscamel.observe.GisMetrics;
import org.giscamel.observe.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The poller route's download step: writes a succeeded job's outputs (arcgis-rest.md §5.8, §5.9, §5.11): each
 * {@code results/<param>} read relative to the job URL, rasters and data files streamed from their
 * {@code value.url}, feature sets as GeoJSON and raw Esri JSON, literals into {@code results.json}, and the map
 * image from the result map service. Files the store lists as written are not written again, so a resumed job, or
 * a step tried again by gis-errors, picks up where it stopped.
 *
 * <p>Transient server failures propagate (gis-errors tries the step again, then the poller later); an output that
 * cannot be written (an unsafe name, a malformed value, a missing file) is reported as a problem while the others
 * are written, and fails the job once all were tried.
 */
public final class GpDownloader {

    static final String RESULTS_JSON = "results.json";
    /** The parameter name {@code results.json} is recorded under. */
    static final String LITERALS = "literals";
    private static final Set<String> REPORT_FILES = Set.of(RESULTS_JSON, GpReport.JOB_JSON, GpReport.JOB_LOG);
    private static final Logger LOG = LoggerFactory.getLogger(GpDownloader.class);

    private final GpServer server;
    private final GpTaskCatalog tasks;
    private final GpBackends backends;
    private final GpJobStore store;
    private final GpJobLifecycle jobs;
    private final ProducerTemplate producer;
    private final GisMetrics metrics;
    private final Clock clock;
    private volatile boolean cut;

    public GpDownloader(GpServer server, GpTaskCatalog tasks, GpBackends backends, GpJobStore store,
                        GpJobLifecycle jobs, ProducerTemplate producer, GisMetrics metrics, Clock clock) {
        this.server = server;
        this.tasks = tasks;
        this.backends = backends;
        this.store = store;
        this.jobs = jobs;
        this.producer = producer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Makes downloads under way fail at their next read: the stop's time is up, and the next start repeats them. */
    void cut() {
        cut = true;
    }

    /** Step: writes the outputs not written yet; the job's end is decided once every one was tried. */
    public GpJobRecord download(GpJobRecord job) throws IOException {
        try (LogContext.Scope ignored = LogContext.gpJob(job.id())) {
            Writer writer = new Writer(job, GpOutbox.forUri(job.spec().output(), producer));
            writer.outbox.clearPartialFiles(job.outputFolder());
            LiteralResults literals = new LiteralResults();
            for (JsonNode result : backends.of(job.spec()).results(job)) {
                String param = result.path("paramName").asText();
                try {
                    write(writer, param, result, literals);
                } catch (UnsafeOutputNameException | IllegalArgumentException e) {
                    writer.problems.add(param + ": " + e.getMessage());
                }
            }
            if (!literals.isEmpty()) {
                writer.bytes(RESULTS_JSON, LITERALS, "LITERAL", GpJson.pretty(literals.toJson()), null);
            }
            job.spec().mapImage().ifPresent(image -> {
                GpTaskInfo task = tasks.task(job.spec().taskUrl()); // only ArcGIS jobs declare a map image
                if (task.resultMapService() && job.serverJobId().isPresent()) {
                    writer.mapImage(task, image);
                } else {
                    writer.warnings.add("no map image: the GP service has no result map service");
                }
            });
            if (!writer.problems.isEmpty()) {
                return jobs.decide(job, GpJobLifecycle.End.failed(GpFailure.of("write GP outputs",
                        String.join("; ", writer.problems), "output-not-written", List.of())));
            }
            return jobs.decide(job, GpJobLifecycle.End.succeeded(writer.warnings));
        }
    }

    private void write(Writer writer, String param, JsonNode result, LiteralResults literals) {
        JsonNode value = result.path("value");
        if (value.has("mapImage")) {
            String href = value.path("mapImage").path("href").asText();
            writer.download(OutputNames.fromUrl(href, param + ".png"), param, "MAP_IMAGE", href);
            return;
        }
        GpOutputKind kind = GpOutputKind.of(result.path("dataType").asText());
        boolean file = value.hasNonNull("url") && value.path("url").isTextual();
        switch (kind) {
            case FEATURES -> {
                if (file) {
                    literals.add(result); // an output feature service: its URL is the result
                } else {
                    writer.features(param, value);
                }
            }
            case RASTER, DATA_FILE -> {
                if (file && !"ImageService".equals(value.path("type").asText())) {
                    String url = value.get("url").asText();
                    String fallback = param + (kind == GpOutputKind.RASTER ? "." + value.path("format").asText("tif") : ".dat");
                    writer.download(OutputNames.fromUrl(url, fallback), param, kind.name(), url);
                } else {
                    literals.add(result);
                }
            }
            case LITERAL -> literals.add(result);
        }
    }

    /** Writes one job's files, skipping those already recorded. */
    private final class Writer {
        private final GpJobRecord job;
        private final GpOutbox outbox;
        /** File name to the parameter it holds, for the files written so far. */
        private final Map<String, String> written = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Writer(GpJobRecord job, GpOutbox outbox) {
            this.job = job;
            this.outbox = outbox;
            store.outputs(job.id()).forEach(o -> written.put(o.file(), o.parameter()));
        }

        void features(String param, JsonNode featureSet) {
            GeoJsonFeatures geoJson = EsriToGeoJson.convert(featureSet);
            String warning = geoJson.exceededTransferLimit()
                    ? "exceededTransferLimit: the server cut the features at its maximum record count; "
                    + geoJson.featureCount() + " features were returned" : null;
            if (warning != null) {
                LOG.warn("{}: output {}: {}", job.describe(), param, warning);
            }
            if (job.spec().featureFormats().contains(GpJobSpec.FeatureFormat.GEOJSON)) {
                bytes(OutputNames.fileName(param + ".geojson", "features.geojson"), param, "FEATURES",
                        GpJson.pretty(geoJson.featureCollection()), warning);
            }
            if (job.spec().featureFormats().contains(GpJobSpec.FeatureFormat.ESRIJSON)) {
                bytes(OutputNames.fileName(param + ".esri.json", "features.esri.json"), param, "FEATURES",
                        GpJson.pretty(featureSet), warning);
            }
        }

        void download(String serverName, String param, String kind, String url) {
            String name = nameFor(serverName, param);
            if (written.containsKey(name)) {
                return;
            }
            WrittenFile file = server.download("download GP output " + param, GisRequest.get(URI.create(url)),
                    (headers, body) -> outbox.write(job.outputFolder(), name, new StoppableStream(body)));
            recorded(name, param, kind, file, null);
        }

        void mapImage(GpTaskInfo task, GpJobSpec.MapImage image) {
            String name = nameFor("map." + image.extension(), "mapImage");
            if (written.containsKey(name)) {
                return;
            }
            String jobMap = task.mapServiceUrl() + "/jobs/" + URLEncoder.encode(job.serverJobId().orElseThrow(),
                    StandardCharsets.UTF_8);
            JsonNode map = server.call("read result map service job", GisRequest.get(URI.create(jobMap)));
            JsonNode extent = map.path("fullExtent").isObject() ? map.path("fullExtent") : map.path("initialExtent");
            if (!extent.has("xmin")) {
                problems.add("map image: the result map service reports no extent for the job");
                return;
            }
            GisRequest export = GisRequest.get(URI.create(jobMap + "/export"))
                    .param("bbox", String.format(Locale.ROOT, "%s,%s,%s,%s", extent.path("xmin").asDouble(),
                            extent.path("ymin").asDouble(), extent.path("xmax").asDouble(), extent.path("ymax").asDouble()))
                    .param("size", image.width() + "," + image.height())
                    .param("format", image.format())
                    .param("transparent", "false")
                    .param("f", "image");
            JsonNode wkid = extent.path("spatialReference").path("wkid");
            if (wkid.canConvertToInt()) {
                export = export.param("bboxSR", wkid.asText()).param("imageSR", wkid.asText());
            }
            WrittenFile file = server.download("export map image", export,
                    (headers, body) -> outbox.write(job.outputFolder(), name, new StoppableStream(body)));
            recorded(name, "mapImage", "MAP_IMAGE", file, null);
        }

        void bytes(String fileName, String param, String kind, byte[] content, String warning) {
            String name = nameFor(fileName, param);
            if (written.containsKey(name)) {
                return;
            }
            try {
                recorded(name, param, kind, outbox.write(job.outputFolder(), name, content), warning);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Two outputs may carry the same server file name, or one of the report's names; the later one, or the
         * server's, is prefixed with its parameter.
         */
        private String nameFor(String name, String param) {
            String holder = written.get(name);
            boolean reserved = REPORT_FILES.contains(name.toLowerCase(Locale.ROOT)) && !param.equals(LITERALS);
            return !reserved && (holder == null || holder.equals(param)) ? name
                    : OutputNames.fileName(param + "-" + name, name);
        }

        private void recorded(String name, String param, String kind, WrittenFile file, String warning) {
            jobs.outputWritten(job, new GpOutputRecord(name, param, kind, file.size(), file.sha256(),
                    clock.millis(), warning));
            written.put(name, param);
            metrics.gpOutputWritten(kind, file.size());
            LOG.info("{}: wrote {} ({} bytes)", job.describe(), name, file.size());
        }
    }

    /** A download body that ends in an error once the stop cuts downloads short; the partial file is then discarded. */
    private final class StoppableStream extends FilterInputStream {

        StoppableStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            checkRunning();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkRunning();
            return super.read(buffer, offset, length);
        }

        private void checkRunning() throws IOException {
            if (cut) {
                throw new IOException("the application stopped before the download ended; it is repeated at the next start");
            }
        }
    }
}
