package org.giscamel.bench.harvest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelExecutionException;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnection;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.rest.CatalogEntry;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.harvest.HarvestConfiguration;
import org.giscamel.harvest.HarvestFlowSettings;
import org.giscamel.harvest.HarvestRun;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.HttpSettings;
import org.giscamel.iportal.PortalServices;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;
import org.giscamel.token.TokenSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the harvest against both emulators in this JVM: a catalog of (by default) 10,000 services in 100
 * folders, then three runs — the first, a rerun with nothing changed, a rerun with 1% of the services changed —
 * each made by the harvest route and, side by side on its own pair of emulators, by the {@link NaiveHarvest}
 * baseline, after both have warmed up on a small catalog. Prints the requests (reads, writes), wall time and peak
 * heap of each.
 *
 * <pre>
 * java -Xmx1g -cp target/gis-camel-routes.jar org.giscamel.bench.harvest.HarvestBenchmark [services=10000] [folders=100]
 * </pre>
 *
 * The sizes may also be given bare, services first ({@code HarvestBenchmark 10000 100}). Exits 2 for arguments it
 * cannot read, 1 when the rerun with nothing changed made a write. Peak heap is the JVM's, sampled every few
 * milliseconds after a GC at the start of each run, so it includes the emulators' own work.
 */
public final class HarvestBenchmark {

    private static final List<String> GENERATED_TYPES = List.of("MapServer", "FeatureServer", "ImageServer");
    private static final String PORTAL_WRITES = "POST|PUT|DELETE";
    private static final String ROUTES = "classpath:gis-camel-routes/harvest.camel.yaml";
    private static final int WARM_UP_SERVICES = 300;

    /** The figures of one run. */
    public record Figures(long reads, long writes, long wallMillis, long peakHeapBytes) {
    }

    /** One case, both ways. */
    public record Row(String name, Figures harvester, Figures baseline, String harvesterSummary) {
    }

    private final int services;
    private final int folders;

    public HarvestBenchmark(int services, int folders) {
        this.services = services;
        this.folders = folders;
    }

    /** The catalog's size, from {@code services=N folders=M} or bare numbers in that order; defaults 10,000 and 100. */
    record Size(int services, int folders) {

        static final String USAGE = "Usage: HarvestBenchmark [services=10000] [folders=100]"
                + " (or bare numbers: HarvestBenchmark 10000 100)";

        /** @throws IllegalArgumentException naming the argument that is not a size */
        static Size parse(List<String> args) {
            Map<String, Integer> given = new LinkedHashMap<>();
            List<String> positions = List.of("services", "folders");
            int bare = 0;
            for (String arg : args) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? (bare < positions.size() ? positions.get(bare++) : null)
                        : arg.substring(0, equals);
                if (name == null || !positions.contains(name)) {
                    throw new IllegalArgumentException("Unexpected argument '" + arg + "'. " + USAGE);
                }
                int least = name.equals("services") ? 1 : 0;
                if (given.put(name, count(name, equals < 0 ? arg : arg.substring(equals + 1), least)) != null) {
                    throw new IllegalArgumentException(name + " is given twice. " + USAGE);
                }
            }
            return new Size(given.getOrDefault("services", 10_000), given.getOrDefault("folders", 100));
        }

        private static int count(String name, String value, int least) {
            try {
                int count = Integer.parseInt(value.trim());
                if (count >= least) {
                    return count;
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the usage
            }
            throw new IllegalArgumentException(name + " must be a whole number of " + least + " or more but is '" + value
                    + "'. " + USAGE);
        }
    }

    public static void main(String[] args) throws Exception {
        Size size;
        try {
            size = Size.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<Row> rows = new HarvestBenchmark(size.services(), size.folders()).run();
        print(System.out, size.services(), size.folders(), rows);
        System.exit(rows.get(1).harvester().writes() == 0 ? 0 : 1);
    }

    public List<Row> run() throws Exception {
        Path work = Files.createTempDirectory("harvest-benchmark");
        warmUp(work);
        try (Emulators harvested = Emulators.start(services, folders);
             Emulators baseline = Emulators.start(services, folders)) {
            try (OneShotCamel camel = OneShotCamel.start(configFiles(work), harvested.settings(work),
                    List.of(new HarvestConfiguration(true)), List.of(ROUTES))) {
                NaiveHarvest naive = naive(baseline, work);
                List<Row> rows = new ArrayList<>();
                rows.add(measure("first run", camel, harvested, naive, baseline));
                rows.add(measure("rerun, nothing changed", camel, harvested, naive, baseline));
                int changed = Math.max(1, services / 100);
                harvested.changeServices(changed, folders);
                baseline.changeServices(changed, folders);
                rows.add(measure("rerun, 1% changed (" + changed + ")", camel, harvested, naive, baseline));
                return rows;
            }
        }
    }

    /** Both ways once on a small catalog, so that neither pays for the JVM's warm-up in the figures. */
    private static void warmUp(Path work) throws Exception {
        Path dir = work.resolve("warm-up");
        try (Emulators harvested = Emulators.start(WARM_UP_SERVICES, 3);
             Emulators baseline = Emulators.start(WARM_UP_SERVICES, 3);
             OneShotCamel camel = OneShotCamel.start(configFiles(work), harvested.settings(dir),
                     List.of(new HarvestConfiguration(true)), List.of(ROUTES))) {
            harvest(camel);
            naive(baseline, dir).run();
        }
    }

    private Row measure(String name, OneShotCamel camel, Emulators harvested, NaiveHarvest naive, Emulators baseline) {
        String[] summary = new String[1];
        Figures ours = harvested.measure(() -> summary[0] = harvest(camel).summaryLine());
        Figures theirs = baseline.measure(naive::run);
        return new Row(name, ours, theirs, summary[0]);
    }

    private static HarvestRun harvest(OneShotCamel camel) {
        try {
            return camel.producer().requestBody("direct:harvest-main", null, HarvestRun.class);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static NaiveHarvest naive(Emulators baseline, Path work) {
        Map<String, String> keys = baseline.settings(work);
        GisSettings settings = new GisSettings(key -> Optional.ofNullable(keys.get(key)));
        HarvestFlowSettings config = HarvestFlowSettings.read(settings, true);
        settings.requireValid();
        GisHttpClient http = new GisHttpClient(HttpSettings.defaults());
        TokenService tokens = new TokenService(http, TokenSettings.defaults());
        ServerConnection portal = config.portal().orElseThrow();
        return new NaiveHarvest(config.source("main"), http, tokens, new PortalServices(tokens,
                TokenScope.iportalSession(URI.create(portal.url()), CredentialsProvider.of(portal.credentials()))));
    }

    /** A configuration of its own, so the figures do not depend on the folder the benchmark runs in. */
    private static ConfigFiles configFiles(Path work) throws IOException {
        Path file = Files.writeString(work.resolve("application.properties"),
                "# The benchmark passes every key it needs as an override.\n");
        String previous = System.getProperty(ConfigFiles.CONFIG_PROPERTY);
        System.setProperty(ConfigFiles.CONFIG_PROPERTY, file.toString());
        try {
            return ConfigFiles.locate();
        } finally {
            if (previous == null) {
                System.clearProperty(ConfigFiles.CONFIG_PROPERTY);
            } else {
                System.setProperty(ConfigFiles.CONFIG_PROPERTY, previous);
            }
        }
    }

    static void print(PrintStream out, int services, int folders, List<Row> rows) {
        out.printf(Locale.ROOT, "%nHarvest benchmark: %,d services in %,d folders; ArcGIS and iPortal emulators in this"
                + " JVM (max heap %d MB)%n", services, folders, Runtime.getRuntime().maxMemory() >> 20);
        out.println("harvester: the harvest route (fingerprint tags, 4 parallel reads/writes, page size 100)");
        out.println("baseline:  naive sync (whole catalog JSON kept, sequential, page size 9, rewrites every registration)");
        out.printf(Locale.ROOT, "%n%-28s | %-40s | %-40s%n", "", "harvester", "baseline");
        String columns = String.format(Locale.ROOT, "%7s %7s %9s %10s", "reads", "writes", "wall", "peak heap");
        out.printf(Locale.ROOT, "%-28s | %-40s | %-40s%n", "case", columns, columns);
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%-28s | %-40s | %-40s%n", row.name(), cells(row.harvester()), cells(row.baseline()));
        }
        out.println();
        rows.forEach(row -> out.println(row.name() + ": " + row.harvesterSummary()));
    }

    private static String cells(Figures f) {
        return String.format(Locale.ROOT, "%7d %7d %7.1f s %7d MB", f.reads(), f.writes(), f.wallMillis() / 1000.0,
                f.peakHeapBytes() >> 20);
    }

    /** An ArcGIS emulator with the generated catalog and an empty iPortal emulator. */
    private record Emulators(ArcGisEmulator arcgis, IPortalEmulator portal) implements AutoCloseable {

        static Emulators start(int services, int folders) throws IOException {
            ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
            config.demoCatalog = false;
            ArcGisEmulator arcgis = ArcGisEmulator.start(config);
            arcgis.catalog().generate(services, folders);
            return new Emulators(arcgis, IPortalEmulator.start(IPortalEmulatorConfig.defaults()));
        }

        Map<String, String> settings(Path work) {
            Map<String, String> p = new HashMap<>();
            p.put("gis.arcgis.url", arcgis.siteUrl());
            p.put("gis.arcgis.username", arcgis.config().username);
            p.put("gis.arcgis.password", arcgis.config().password);
            p.put("gis.iportal.url", portal.url());
            p.put("gis.iportal.username", portal.config().user.username());
            p.put("gis.iportal.password", portal.config().user.password());
            p.put("gis.harvest.report-dir", work.resolve("reports").toString());
            // The GP part's demo services are not part of the measured catalog.
            p.put("gis.harvest.exclude", "Demo/**,System/**,Utilities/**");
            return p;
        }

        Figures measure(Runnable run) {
            settle(arcgis.requests());
            settle(portal.requests());
            arcgis.requests().clear();
            portal.requests().clear();
            HeapPeak heap = HeapPeak.start();
            long started = System.nanoTime();
            run.run();
            long wall = (System.nanoTime() - started) / 1_000_000;
            long peak = heap.stop();
            settle(arcgis.requests());
            settle(portal.requests());
            long reads = arcgis.requests().count("GET", ".*") + portal.requests().count("GET", ".*");
            long writes = portal.requests().entries().stream()
                    .filter(e -> e.method().matches(PORTAL_WRITES) && e.path().startsWith("/iportal/web/services"))
                    .count();
            return new Figures(reads, writes, wall, peak);
        }

        /**
         * Changes {@code count} services: 40% get new metadata, 30% are renamed, 15% removed, and as many new ones
         * are added as are removed.
         */
        void changeServices(int count, int folders) {
            ServiceCatalog catalog = arcgis.catalog();
            int updated = count * 40 / 100;
            int renamed = count * 30 / 100;
            int removed = (count - updated - renamed) / 2;
            int added = count - updated - renamed - removed;
            int next = 1;
            for (int i = 0; i < updated; i++, next++) {
                String name = generatedName(next, folders);
                String type = GENERATED_TYPES.get((next - 1) % GENERATED_TYPES.size());
                catalog.remove(name, type);
                ObjectNode metadata = revised(name.substring(name.indexOf('/') + 1));
                catalog.add(new CatalogEntry(name, type, () -> metadata));
            }
            for (int i = 0; i < renamed; i++, next++) {
                String name = generatedName(next, folders);
                catalog.rename(name, name + "Renamed");
            }
            for (int i = 0; i < removed; i++, next++) {
                catalog.remove(generatedName(next, folders), GENERATED_TYPES.get((next - 1) % GENERATED_TYPES.size()));
            }
            for (int i = 0; i < added; i++) {
                catalog.add(String.format(Locale.ROOT, "LoadTest001/Added%05d", i + 1), "MapServer");
            }
        }

        /** The name {@link ServiceCatalog#generate} gave the n-th service (from 1). */
        private static String generatedName(int n, int folders) {
            String name = String.format(Locale.ROOT, "Service%05d", n);
            return folders <= 0 ? name : String.format(Locale.ROOT, "LoadTest%03d/%s", (n - 1) % folders + 1, name);
        }

        private static ObjectNode revised(String shortName) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            ObjectNode body = json.objectNode().put("currentVersion", 11.1)
                    .put("serviceDescription", shortName + " (revised)")
                    .put("description", shortName + " (revised)")
                    .put("copyrightText", "GIS Camel emulator")
                    .put("capabilities", "Map,Query,Data");
            body.putObject("documentInfo").put("Title", shortName);
            body.putObject("spatialReference").put("wkid", 102100).put("latestWkid", 3857);
            return body;
        }

        /** A request is logged just after its reply is sent: wait until the log stops growing. */
        private static void settle(RequestLog log) {
            int last = -1;
            while (log.entries().size() != last) {
                last = log.entries().size();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void close() {
            portal.close();
            arcgis.close();
        }
    }

    /** The highest heap use seen between start and stop, sampled every few milliseconds after a GC. */
    private static final class HeapPeak {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread sampler;

        private HeapPeak() {
            System.gc();
            peak.set(memory.getHeapMemoryUsage().getUsed());
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapPeak start() {
            return new HeapPeak();
        }

        long stop() {
            running = false;
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
    }
}
