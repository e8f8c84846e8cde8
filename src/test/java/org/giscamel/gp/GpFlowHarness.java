package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.emulator.arcgis.ArcGisEmulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The GP flow as the application runs it, against an ArcGIS emulator: the real template file, a jobs file
 * written by the test, the real {@link GpBeans}, short timings, and folders under the test's temp folder.
 */
final class GpFlowHarness implements AutoCloseable {

    static final String BUFFER_TASK = "/rest/services/Demo/BufferPoints/GPServer/BufferPoints";
    static final String SYNC_TASK = "/rest/services/Demo/BufferPointsSync/GPServer/BufferPoints";
    static final String RASTER_INFO_TASK = "/rest/services/Demo/RasterInfo/GPServer/RasterInfo";
    /** Camel would read "}}" as the end of a property placeholder; a space keeps the JSON as it is. */
    static final String DISTANCE = "{\"Distance\": {\"distance\": 500, \"units\": \"esriMeters\"} }";
    static final String POINTS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"Name": "Station 1"}, "geometry": {"type": "Point", "coordinates": [-117.18, 34.05]}},
              {"type": "Feature", "properties": {"Name": "Station 2"}, "geometry": {"type": "Point", "coordinates": [-117.15, 34.06]}}]}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One job declaration of the jobs file; {@code params} are further template parameters. */
    record Job(String name, String taskPath, String inputParameter, Map<String, String> params) {
        static Job buffer(String name) {
            return new Job(name, BUFFER_TASK, "Input_Features", Map.of("parameters", DISTANCE));
        }

        Job with(String param, String value) {
            Map<String, String> more = new LinkedHashMap<>(params);
            more.put(param, value);
            return new Job(name, taskPath, inputParameter, more);
        }
    }

    private final Path dir;
    private final OneShotCamel camel;

    private GpFlowHarness(Path dir, OneShotCamel camel) {
        this.dir = dir;
        this.camel = camel;
    }

    /** Starts a Camel context with the jobs; the job store lives in {@code dir}, so a second start resumes. */
    static GpFlowHarness start(Path dir, ArcGisEmulator arcgis, List<Job> jobs, Map<String, String> overrides)
            throws Exception {
        Map<String, String> site = new LinkedHashMap<>();
        site.put("gis.arcgis.url", arcgis.siteUrl());
        site.put("gis.arcgis.username", arcgis.config().username);
        site.put("gis.arcgis.password", arcgis.config().password);
        site.putAll(overrides);
        return start(dir, jobs, site);
    }

    /** Starts against whatever server {@code overrides} names; task paths starting with http are used as they are. */
    static GpFlowHarness start(Path dir, List<Job> jobs, Map<String, String> overrides) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("gis.gp.inbox", dir.resolve("inbox").toString());
        properties.put("gis.gp.outbox", dir.resolve("outbox").toString());
        properties.put("gis.gp.data-dir", dir.resolve("data").toString());
        properties.put("gis.gp.read-lock-check-interval", "50ms");
        properties.put("gis.gp.read-lock-min-age", "0ms");
        properties.put("gis.gp.poll-tick", "25ms");
        properties.put("gis.gp.poll-min-interval", "50ms");
        properties.put("gis.gp.poll-max-interval", "200ms");
        properties.put("gis.retry.initial-delay", "20ms");
        properties.put("gis.retry.max-delay", "100ms");
        properties.put("gis.retry.max-retries", "2");
        properties.putAll(overrides);
        Path jobsFile = dir.resolve("gp-jobs-" + System.nanoTime() + ".camel.yaml");
        Files.writeString(jobsFile, jobsYaml(jobs));
        OneShotCamel camel = OneShotCamel.start(ConfigFiles.locate(), properties, List.of(new GpBeans()),
                List.of("file:routes/gp-job-template.camel.yaml", "file:" + jobsFile));
        return new GpFlowHarness(dir, camel);
    }

    static String jobsYaml(List<Job> jobs) {
        StringBuilder yaml = new StringBuilder();
        for (Job job : jobs) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("name", job.name());
            params.put("taskUrl", job.taskPath().startsWith("http") ? job.taskPath() : "{{gis.arcgis.url}}" + job.taskPath());
            params.put("inbox", "{{gis.gp.inbox}}/" + job.name());
            params.put("inputParameter", job.inputParameter());
            params.putAll(job.params());
            yaml.append("- templatedRoute:\n    routeTemplateRef: gis-gp-job\n    routeId: gp-job-").append(job.name())
                    .append("\n    parameters:\n");
            params.forEach((k, v) -> yaml.append("      - name: ").append(k).append("\n        value: ")
                    .append(quoted(v)).append('\n'));
        }
        return yaml.toString();
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Drops a file as a copy would end: written elsewhere, then moved into the job's inbox. */
    Path drop(String job, String name, byte[] content) throws IOException {
        Path inbox = inbox(job);
        Files.createDirectories(inbox);
        Path temp = dir.resolve("drop-" + System.nanoTime());
        Files.write(temp, content);
        return Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    Path drop(String job, String name, String content) throws IOException {
        return drop(job, name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path inbox(String job) {
        return dir.resolve("inbox").resolve(job);
    }

    Path outbox(String job) {
        return dir.resolve("outbox").resolve(job);
    }

    /** How long a stop lets work under way finish ({@code camel.main.shutdown-timeout} in the application). */
    void shutdownTimeout(Duration timeout) {
        camel.context().getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        camel.context().getShutdownStrategy().setTimeout(timeout.toMillis());
    }

    GpJobStore store() {
        return registry(GpJobStore.class);
    }

    <T> T registry(Class<T> type) {
        return camel.context().getRegistry().findSingleByType(type);
    }

    /** Waits until the job declaration has a finished job for an input of this name, and returns it. */
    GpJobRecord awaitFinished(String job, String inputName) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> finished(job, inputName), r -> r != null);
    }

    /** Waits until the declaration has {@code count} finished jobs; returns them, oldest first. */
    List<GpJobRecord> awaitFinishedJobs(String job, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> store().jobsOf(job).stream().filter(r -> r.phase().isFinished()).toList(),
                        list -> list.size() >= count);
    }

    GpJobRecord finished(String job, String inputName) {
        return store().jobsOf(job).stream()
                .filter(r -> r.inputName().equals(inputName) && r.phase().isFinished())
                .reduce((first, second) -> second).orElse(null);
    }

    /** Waits for the file to land in {@code failed/} with its error file, and returns the error file's JSON. */
    JsonNode awaitFailedDrop(String job, String name) {
        Path error = inbox(job).resolve(GpInputFiles.FAILED).resolve(name + ".error.json");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> Files.exists(error));
        return json(error);
    }

    /** The single job folder in the job's outbox. */
    Path jobFolder(String job, GpJobRecord record) {
        return outbox(job).resolve(record.outputFolder());
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> fileNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** The emulator's GP jobs, as the server sees them. */
    static int serverJobs(ArcGisEmulator arcgis) {
        return arcgis.gp().all().size();
    }

    @Override
    public void close() {
        camel.close();
    }
}
