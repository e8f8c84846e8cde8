package org.giscamel.bench.gp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.gp.GpBeans;
import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpOutputRecord;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One application instance under measurement, run in its own JVM by {@link GpBenchmark}: the GP flow with one
 * job declaration, fed by dropping files into its inbox, sampled for threads and heap until every job has ended.
 * Prints one {@code RESULT {...}} line with the figures and, per job, when its outputs were on disk.
 */
final class GpBenchInstance {

    static final String RESULT = "RESULT ";
    private static final String JOB = "bench";

    private GpBenchInstance() {
    }

    /**
     * @param polling  {@code adaptive} (the shipped gis.gp.* defaults) or {@code fixed} (every 2 s, no cap: the
     *                 REST-JS default)
     * @param mapImage whether the jobs export a map image
     */
    static void run(String polling, String siteUrl, Path dir, int jobs, boolean mapImage) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("gis.arcgis.url", siteUrl);
        properties.put("gis.arcgis.username", "siteadmin");
        properties.put("gis.gp.inbox", dir.resolve("inbox").toString());
        properties.put("gis.gp.outbox", dir.resolve("outbox").toString());
        properties.put("gis.gp.data-dir", dir.resolve("data").toString());
        properties.put("gis.gp.read-lock-min-age", "200ms");
        properties.put("gis.gp.read-lock-check-interval", "50ms");
        if (polling.equals("fixed")) {
            properties.put("gis.gp.poll-min-interval", "2s");
            properties.put("gis.gp.poll-max-interval", "2s");
            properties.put("gis.gp.poll-backoff", "1");
            properties.put("gis.gp.max-status-requests-per-second", "10000");
        }
        Path declarations = dir.resolve("bench-jobs.camel.yaml");
        Files.createDirectories(dir);
        Files.writeString(declarations, """
                - templatedRoute:
                    routeTemplateRef: gis-gp-job
                    routeId: gp-job-bench
                    parameters:
                      - {name: name, value: %s}
                      - {name: taskUrl, value: "{{gis.arcgis.url}}/rest/services/Demo/BufferPoints/GPServer/BufferPoints"}
                      - {name: inbox, value: "{{gis.gp.inbox}}/%s"}
                      - {name: inputParameter, value: Input_Features}
                      - {name: parameters, value: '{"Distance": {"distance": 200, "units": "esriMeters"} }'}
                      - {name: mapImage, value: "%s"}
                      - {name: deadline, value: 30m}
                """.formatted(JOB, JOB, mapImage));
        Sampler sampler = new Sampler();
        sampler.start();
        try (OneShotCamel camel = OneShotCamel.start(ConfigFiles.locate(), properties, List.of(new GpBeans()),
                List.of("classpath:gis-camel-routes/gp-job-template.camel.yaml", "file:" + declarations))) {
            drop(dir, jobs);
            GpJobStore store = camel.context().getRegistry().findSingleByType(GpJobStore.class);
            List<GpJobRecord> records;
            do {
                Thread.sleep(1_000);
                records = store.jobsOf(JOB);
            } while (records.size() < jobs || !records.stream().allMatch(r -> r.phase().isFinished()));
            System.out.println(RESULT + result(polling, sampler, store, records));
        } finally {
            sampler.interrupt();
        }
    }

    /** Each file holds a different point, so none is a duplicate of another. */
    private static void drop(Path dir, int jobs) throws Exception {
        Path inbox = dir.resolve("inbox").resolve(JOB);
        Path staging = dir.resolve("staging");
        Files.createDirectories(inbox);
        Files.createDirectories(staging);
        for (int i = 0; i < jobs; i++) {
            String geoJson = String.format(Locale.ROOT, "{\"type\": \"Feature\", \"properties\": {\"Name\": \"p%d\"}, "
                    + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [%.5f, %.5f]}}", i, -117 - i * 0.001, 34.0);
            Path file = staging.resolve("point-" + i + ".geojson");
            Files.writeString(file, geoJson, StandardCharsets.UTF_8);
            Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String result(String polling, Sampler sampler, GpJobStore store, List<GpJobRecord> records)
            throws Exception {
        ObjectNode result = new ObjectMapper().createObjectNode().put("polling", polling)
                .put("peakThreads", sampler.peakThreads.get()).put("peakHeapBytes", sampler.peakHeap.get());
        ArrayNode list = result.putArray("jobs");
        for (GpJobRecord r : records) {
            List<GpOutputRecord> outputs = store.outputs(r.id());
            ObjectNode job = list.addObject().put("serverJobId", r.serverJobId().orElse("")).put("phase", r.phase().name())
                    .put("finishedAt", r.finishedAt() == null ? 0 : r.finishedAt());
            ArrayNode files = job.putArray("outputs");
            outputs.forEach(o -> files.addObject().put("file", o.file()).put("size", o.size())
                    .put("writtenAt", o.writtenAt()));
        }
        return result.toString();
    }

    /** Samples the JVM's live threads and used heap every 50 ms; the peaks are the figures. */
    private static final class Sampler extends Thread {
        final AtomicLong peakThreads = new AtomicLong();
        final AtomicLong peakHeap = new AtomicLong();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        Sampler() {
            super("bench-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
