package org.giscamel.bench.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpJob;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.http.RequestLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks of the GP flow against the ArcGIS emulator; figures, not tests. Run from the project folder (the
 * instances read config/application.properties):
 *
 * <pre>
 * java -cp target/gis-camel-routes.jar org.giscamel.bench.gp.GpBenchmark jobs [jobs] [execute-seconds] [spread-seconds]
 * java -cp target/gis-camel-routes.jar org.giscamel.bench.gp.GpBenchmark raster [gibibytes]
 * </pre>
 *
 * {@code jobs} (defaults 1000, 15, 150): the emulator runs in this JVM; two application instances, each in its own
 * JVM ({@code -Xmx512m}), side by side, each submit that many jobs whose server-side completion is spread over
 * {@code execute .. execute + spread} seconds. One polls adaptively (the shipped {@code gis.gp.*} defaults), the
 * other every 2 s without a cap (Esri's REST-JS default). Printed per instance: status requests per job, the
 * delay from server-side completion to the job's outputs on disk (p50, p99), peak threads, peak used heap.
 *
 * <p>{@code raster} (default 2): one job whose raster output is that large, downloaded by an instance running with
 * {@code -Xmx256m}; printed beside {@code curl} fetching the same file from the same emulator (the goal's
 * reference), and beside {@code curl | tee file | sha256sum} with an fsync, which does the flow's work; MB/s and
 * ratios.
 */
public final class GpBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JOB_STATUS = Pattern.compile(".*/GPServer/BufferPoints/jobs/([^/]+)");

    private GpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "jobs" -> jobs(intArg(args, 1, 1000), intArg(args, 2, 15), intArg(args, 3, 150));
            case "raster" -> raster(intArg(args, 1, 2));
            case "instance" -> GpBenchInstance.run(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    Boolean.parseBoolean(args[5]));
            default -> System.out.println("Usage: GpBenchmark jobs [jobs] [execute-seconds] [spread-seconds]"
                    + " | raster [gibibytes]");
        }
        System.exit(0);
    }

    private static void jobs(int jobs, int executeSeconds, int spreadSeconds) throws Exception {
        GpSettings gp = GpSettings.defaults();
        gp.submittedMillis = 500;
        gp.waitingMillis = 500;
        gp.executingMillis = executeSeconds * 1000L;
        gp.spreadMillis = spreadSeconds * 1000L;
        gp.rasterWidth = 64;
        gp.rasterHeight = 64;
        Path dir = Files.createTempDirectory("gp-bench-jobs");
        System.out.printf(Locale.ROOT, "%d jobs per instance, completing %d to %d s after submission; work folder %s%n",
                jobs, executeSeconds + 1, executeSeconds + spreadSeconds + 1, dir);
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(emulator(gp))) {
            Process adaptive = instance("adaptive", arcgis, dir, jobs, false, "-Xmx512m");
            Process fixed = instance("fixed", arcgis, dir, jobs, false, "-Xmx512m");
            JsonNode adaptiveResult = result(adaptive, dir.resolve("adaptive.log"));
            JsonNode fixedResult = result(fixed, dir.resolve("fixed.log"));
            Map<String, Integer> statusRequests = statusRequestsPerJob(arcgis.requests());
            System.out.printf("%n%-44s %14s %14s%n", "", "adaptive", "fixed 2 s");
            row("status requests per job (mean)", perJob(adaptiveResult, statusRequests), perJob(fixedResult, statusRequests));
            double[] adaptiveDelays = delays(adaptiveResult, arcgis);
            double[] fixedDelays = delays(fixedResult, arcgis);
            row("completion -> outputs on disk, p50 (s)", percentile(adaptiveDelays, 50), percentile(fixedDelays, 50));
            row("completion -> outputs on disk, p99 (s)", percentile(adaptiveDelays, 99), percentile(fixedDelays, 99));
            row("peak threads", adaptiveResult.path("peakThreads").asDouble(), fixedResult.path("peakThreads").asDouble());
            row("peak used heap (MB)", adaptiveResult.path("peakHeapBytes").asDouble() / 1e6,
                    fixedResult.path("peakHeapBytes").asDouble() / 1e6);
            row("jobs succeeded", succeeded(adaptiveResult), succeeded(fixedResult));
        }
    }

    private static void raster(int gibibytes) throws Exception {
        GpSettings gp = GpSettings.fast();
        gp.rasterWidth = 65_536;
        gp.rasterHeight = gibibytes * 16_384; // one byte per pixel: 65,536 x 16,384 is 1 GiB
        Path dir = Files.createTempDirectory("gp-bench-raster");
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(emulator(gp))) {
            JsonNode result = result(instance("raster", arcgis, dir, 1, false, "-Xmx256m"), dir.resolve("raster.log"));
            JsonNode job = result.path("jobs").get(0);
            JsonNode outputs = job.path("outputs");
            long rasterBytes = 0;
            double flowSeconds = 0;
            for (int i = 1; i < outputs.size(); i++) {
                if (outputs.get(i).path("file").asText().endsWith(".tif")) {
                    rasterBytes = outputs.get(i).path("size").asLong();
                    flowSeconds = (outputs.get(i).path("writtenAt").asLong()
                            - outputs.get(i - 1).path("writtenAt").asLong()) / 1000.0;
                }
            }
            String url = arcgis.siteUrl() + "/rest/directories/arcgisjobs/demo/bufferpoints_gpserver/"
                    + job.path("serverJobId").asText() + "/scratch/buffer_raster.tif";
            String token = arcgis.tokens().issue("bench", 60L).value();
            double[] curl = curl(url, token, dir.resolve("curl.tif"));
            Files.delete(dir.resolve("curl.tif"));
            double teeSeconds = curlTeeSha256(url, token, dir.resolve("curl-tee.tif"));
            double flowRate = rasterBytes / 1e6 / flowSeconds;
            double curlRate = curl[0] / 1e6 / curl[1];
            double teeRate = curl[0] / 1e6 / teeSeconds;
            System.out.printf(Locale.ROOT, "%nraster of %.2f GiB, instance with -Xmx256m (peak used heap %.0f MB)%n",
                    rasterBytes / (double) (1L << 30), result.path("peakHeapBytes").asDouble() / 1e6);
            System.out.printf(Locale.ROOT, "%-28s %10.1f MB/s (%.1f s, streamed to disk, fsync'd)%n", "gis-camel-routes",
                    flowRate, flowSeconds);
            System.out.printf(Locale.ROOT, "%-28s %10.1f MB/s (%.1f s, to a file)%n", "curl", curlRate, curl[1]);
            System.out.printf(Locale.ROOT, "%-28s %10.1f MB/s (%.1f s, curl | tee file | sha256sum, then fsync)%n",
                    "curl + SHA-256 + fsync", teeRate, teeSeconds);
            System.out.printf(Locale.ROOT, "%-28s %10.2f (the goal's reference)%n", "ratio gis-camel-routes/curl",
                    flowRate / curlRate);
            System.out.printf(Locale.ROOT, "%-28s %10.2f%n", "ratio to curl + SHA-256 + fsync", flowRate / teeRate);
        } finally {
            deleteTree(dir);
        }
    }

    private static ArcGisEmulatorConfig emulator(GpSettings gp) {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = gp;
        return config;
    }

    /** Starts an instance JVM; the site's password goes through the environment, as in production. */
    private static Process instance(String name, ArcGisEmulator arcgis, Path dir, int jobs, boolean mapImage,
                                    String heap) throws IOException {
        String polling = name.equals("fixed") ? "fixed" : "adaptive";
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path"), GpBenchmark.class.getName(), "instance", polling,
                arcgis.siteUrl(), dir.resolve(name).toString(), String.valueOf(jobs), String.valueOf(mapImage))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("GIS_ARCGIS_PASSWORD", arcgis.config().password);
        return builder.start();
    }

    private static JsonNode result(Process process, Path log) throws Exception {
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the instance failed; see " + log);
        }
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(GpBenchInstance.RESULT)) {
                return JSON.readTree(line.substring(GpBenchInstance.RESULT.length()));
            }
        }
        throw new IllegalStateException("the instance printed no result; see " + log);
    }

    /** Status requests ({@code GET …/jobs/<id>}) the emulator received, per job id. */
    private static Map<String, Integer> statusRequestsPerJob(RequestLog log) {
        Map<String, Integer> counts = new HashMap<>();
        for (RequestLog.Entry entry : log.entries()) {
            Matcher m = JOB_STATUS.matcher(entry.path());
            if (m.matches()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static double perJob(JsonNode result, Map<String, Integer> counts) {
        double total = 0;
        for (JsonNode job : result.path("jobs")) {
            total += counts.getOrDefault(job.path("serverJobId").asText(), 0);
        }
        return total / result.path("jobs").size();
    }

    /** Seconds from the instant the server finished each job to the instant its outputs were all on disk. */
    private static double[] delays(JsonNode result, ArcGisEmulator arcgis) {
        List<Double> delays = new ArrayList<>();
        for (JsonNode job : result.path("jobs")) {
            GpJob server = arcgis.gp().find(job.path("serverJobId").asText()).orElseThrow();
            delays.add((job.path("finishedAt").asLong() - completedAt(server)) / 1000.0);
        }
        return delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /**
     * When the job reached its final status: the emulator's job status is a function of the clock fixed at
     * submission, so the first terminal instant is found by bisection.
     */
    private static long completedAt(GpJob job) {
        long low = job.submittedAt();
        long high = low + TimeUnit.DAYS.toMillis(1);
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (job.status(mid).isSettled()) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double succeeded(JsonNode result) {
        int n = 0;
        for (JsonNode job : result.path("jobs")) {
            n += job.path("phase").asText().equals("SUCCEEDED") ? 1 : 0;
        }
        return n;
    }

    /** Bytes and seconds of {@code curl} saving the URL to a file; the token travels in a header, as ours does. */
    private static double[] curl(String url, String token, Path target) throws Exception {
        Process curl = new ProcessBuilder("curl", "-s", "-o", target.toString(), "-w", "%{size_download} %{time_total}",
                "-H", "X-Esri-Authorization: Bearer " + token, url).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes()).trim();
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl failed: " + out);
        }
        return Arrays.stream(out.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * Seconds of the fair baseline: {@code curl} streaming into {@code tee} (the file) and {@code sha256sum}, then
     * an fsync of the file ({@code sync FILE}), which is what the flow does on top of saving the bytes.
     */
    private static double curlTeeSha256(String url, String token, Path target) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-o", "pipefail", "-c",
                "curl -s -H \"X-Esri-Authorization: Bearer $BENCH_TOKEN\" \"$BENCH_URL\" | tee \"$BENCH_FILE\""
                        + " | sha256sum > /dev/null && sync \"$BENCH_FILE\"").redirectErrorStream(true);
        builder.environment().put("BENCH_TOKEN", token);
        builder.environment().put("BENCH_URL", url);
        builder.environment().put("BENCH_FILE", target.toString());
        long started = System.nanoTime();
        Process pipeline = builder.start();
        String out = new String(pipeline.getInputStream().readAllBytes()).trim();
        if (pipeline.waitFor() != 0) {
            throw new IllegalStateException("curl | tee | sha256sum failed: " + out);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void row(String label, double adaptive, double fixed) {
        System.out.printf(Locale.ROOT, "%-44s %14.2f %14.2f%n", label, adaptive, fixed);
    }

    private static int intArg(String[] args, int index, int defaultValue) {
        return args.length > index ? Integer.parseInt(args[index]) : defaultValue;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
