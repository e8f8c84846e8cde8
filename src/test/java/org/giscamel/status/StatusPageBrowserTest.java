package org.giscamel.status;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpOutcome;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.http.Fault;
import org.giscamel.emulator.http.FaultRule;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.gp.GpBeans;
import org.giscamel.gp.GpFailure;
import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpOutputRecord;
import org.giscamel.gp.GpPhase;
import org.giscamel.harvest.HarvestConfiguration;
import org.giscamel.harvest.HarvestRun;
import org.giscamel.harvest.RunStatus;
import org.giscamel.wiring.GisBeans;
import org.giscamel.wiring.GisErrorHandling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status page as an operator sees it: the application's GP and harvest flows run against the emulators (a GP
 * job with a map image, one that fails on the server, a harvest run whose portal writes fail, then one that
 * succeeds), and headless Chromium
 * loads {@code /status} from the management port, as configured in config/application.properties. The screenshot
 * lands in {@code <build dir>/status-page/status-page.png}.
 */
class StatusPageBrowserTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern THUMBNAIL = Pattern.compile("<img class=\"thumb\" src=\"([^\"]+)\"");
    private static final String JOBS_YAML = """
            - templatedRoute:
                routeTemplateRef: gis-gp-job
                routeId: gp-job-buffer-points
                parameters:
                  - name: name
                    value: buffer-points
                  - name: taskUrl
                    value: "{{gis.arcgis.url}}/rest/services/Demo/BufferPoints/GPServer/BufferPoints"
                  - name: inbox
                    value: "{{gis.gp.inbox}}/buffer-points"
                  - name: inputParameter
                    value: Input_Features
                  - name: parameters
                    value: '{"Distance": {"distance": 500, "units": "esriMeters"} }'
                  - name: mapImage
                    value: "true"
                  - name: mapImageSize
                    value: "480,360"
            """;

    @TempDir
    static Path dir;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ArcGisEmulator arcgis;
    private static IPortalEmulator portal;
    private static Main main;
    private static int port;
    private static HeadlessChromium chromium;
    private static GpJobRecord job;
    private static GpJobRecord failedJob;
    private static List<GpOutputRecord> outputs;
    private static HarvestRun failedRun;

    @BeforeAll
    static void runAJobAndTwoHarvestsInTheApplication() throws Exception {
        assertTrue(HeadlessChromium.installed(), HeadlessChromium.INSTALL_HINT);
        chromium = new HeadlessChromium(Files.createDirectories(dir.resolve("chromium")));
        ArcGisEmulatorConfig arcgisConfig = ArcGisEmulatorConfig.defaults();
        arcgisConfig.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(arcgisConfig);
        portal = IPortalEmulator.start(IPortalEmulatorConfig.defaults());
        startApplication();
        CamelContext context = main.getCamelContext();

        drop(Path.of("samples/points.geojson"), dir.resolve("inbox/buffer-points"));
        GpJobStore store = context.getRegistry().findSingleByType(GpJobStore.class);
        job = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.jobsOf("buffer-points").stream().filter(j -> j.phase().isFinished()).findFirst(),
                        found -> found.isPresent()).orElseThrow();
        assertEquals(GpPhase.SUCCEEDED, job.phase(), () -> job.failure().toString());
        outputs = store.outputs(job.id());
        arcgis.gp().scriptNext(GpOutcome.FAILED, 1);
        Path otherPoints = Files.writeString(dir.resolve("other-points.geojson"),
                Files.readString(Path.of("samples/points.geojson")) + "\n");
        drop(otherPoints, dir.resolve("inbox/buffer-points"));
        failedJob = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.jobsOf("buffer-points").stream()
                        .filter(j -> j.inputName().equals("other-points.geojson") && j.phase().isFinished())
                        .findFirst(), found -> found.isPresent()).orElseThrow();
        assertEquals(GpPhase.FAILED, failedJob.phase());

        portal.faults().arm(new FaultRule(Fault.HTTP_500, "POST", "/iportal/web/services\\.json", -1, 0));
        failedRun = harvest(context);
        portal.faults().clear();
        assertEquals(RunStatus.PARTIAL, failedRun.status(), failedRun.summaryLine());
        assertEquals(RunStatus.SUCCEEDED, harvest(context).status());
    }

    private static void startApplication() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path jobs = Files.writeString(dir.resolve("gp-jobs.camel.yaml"), JOBS_YAML);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gis.observe.port", String.valueOf(port));
        p.put("camel.main.routes-include-pattern", "file:routes/gp-job-template.camel.yaml,file:" + jobs
                + ",file:routes/harvest.camel.yaml");
        p.put("gis.arcgis.url", arcgis.siteUrl());
        p.put("gis.arcgis.username", arcgis.config().username);
        p.put("gis.arcgis.password", arcgis.config().password);
        p.put("gis.iportal.url", portal.url());
        p.put("gis.iportal.username", portal.config().user.username());
        p.put("gis.iportal.password", portal.config().user.password());
        p.put("gis.harvest.enabled", "false");
        p.put("gis.harvest.report-dir", dir.resolve("reports").toString());
        p.put("gis.gp.inbox", dir.resolve("inbox").toString());
        p.put("gis.gp.outbox", dir.resolve("outbox").toString());
        p.put("gis.gp.data-dir", dir.resolve("data").toString());
        p.put("gis.gp.read-lock-check-interval", "50ms");
        p.put("gis.gp.read-lock-min-age", "0ms");
        p.put("gis.gp.poll-tick", "25ms");
        p.put("gis.gp.poll-min-interval", "50ms");
        p.put("gis.gp.poll-max-interval", "200ms");
        p.put("gis.retry.max-retries", "1");
        p.put("gis.retry.initial-delay", "10ms");
        p.put("gis.retry.max-delay", "20ms");
        main = new Main();
        main.setPropertyPlaceholderLocations("file:config/application.properties");
        p.forEach(main::addOverrideProperty);
        List.of(new GisBeans(), new GpBeans(), new HarvestConfiguration()).forEach(main.configure()::addConfiguration);
        main.configure().addRoutesBuilder(new GisErrorHandling());
        main.configure().addRoutesBuilder(new StatusRoutes());
        CompletableFuture.runAsync(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(get("/status")) == 200);
    }

    /** As a copy into the inbox would end: written beside it, then moved in. */
    private static void drop(Path file, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Path temp = Files.copy(file, dir.resolve("copying-" + file.getFileName()));
        Files.move(temp, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static HarvestRun harvest(CamelContext context) {
        return context.createProducerTemplate().requestBody("direct:harvest-main", null, HarvestRun.class);
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        if (portal != null) {
            portal.close();
        }
        if (arcgis != null) {
            arcgis.close();
        }
    }

    @Test
    void thePageShowsTheJobWithItsOutputsAndTheHarvestRunsWithTheirErrors() throws Exception {
        String dom = chromium.dumpDom(url("/status"));

        assertTrue(dom.contains("data-job=\"" + job.id() + "\" data-phase=\"SUCCEEDED\""), dom);
        assertTrue(dom.contains("buffer-points") && dom.contains("points.geojson"), dom);
        assertTrue(dom.contains("job " + job.serverJobId().orElseThrow()), dom);
        assertTrue(dom.contains(job.progress()), dom);
        assertTrue(Pattern.compile("title=\"created [^\"]+\">\\d+ (s|min)<").matcher(dom).find(), dom);
        for (GpOutputRecord output : outputs) {
            assertTrue(dom.contains("<li>" + output.file() + " <span class=\"sub\">" + output.kind()), output.file());
        }
        assertTrue(dom.contains("data-job=\"" + failedJob.id() + "\" data-phase=\"FAILED\""), dom);
        GpFailure failure = failedJob.failure().orElseThrow();
        assertTrue(dom.contains(failure.step() + ": ") && dom.contains("(" + failure.reasonCode() + ")"), dom);
        assertTrue(dom.contains("data-source=\"main\" data-status=\"PARTIAL\""), dom);
        assertTrue(dom.contains("data-source=\"main\" data-status=\"SUCCEEDED\""), dom);
        assertTrue(dom.contains("Failed writes: " + failedRun.counts().failed()), dom);
        for (String secret : List.of(arcgis.config().password, portal.config().user.password())) {
            assertFalse(dom.contains(secret), "a password reached the page");
        }
    }

    @Test
    void theThumbnailIsTheJobsMapImageFromTheOutbox() throws Exception {
        Matcher thumbnail = THUMBNAIL.matcher(chromium.dumpDom(url("/status")));
        assertTrue(thumbnail.find(), "no thumbnail on the page");

        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(url(thumbnail.group(1)))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(image.body(), PNG_SIGNATURE.length));
        Path written = dir.resolve("outbox/buffer-points").resolve(job.outputFolder()).resolve("map.png");
        assertArrayEquals(Files.readAllBytes(written), image.body());
    }

    @Test
    void theScreenshotIsAPngOfTheWindowSize() throws Exception {
        Path png = buildDir().resolve("status-page/status-page.png");
        Files.deleteIfExists(png);
        chromium.screenshot(url("/status"), png, 1280, 900);

        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png), PNG_SIGNATURE.length));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(900, image.getHeight());
    }

    @Test
    void thePageIsServedReadOnlyWithItsSafetyHeaders() throws Exception {
        HttpResponse<String> page = get("/status");
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("10", page.headers().firstValue("Refresh").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));

        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(url("/status")))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void onlyAMapImageTheStoreListsIsServed() {
        String jobPath = "/status/jobs/" + job.id() + "/";
        assertEquals(404, statusOf(get(jobPath + "job.json")));
        assertEquals(404, statusOf(get(jobPath + "..%2F..%2F..%2Fgp-jobs.camel.yaml")));
        assertEquals(404, statusOf(get("/status/jobs/no-such-job/map.png")));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException notYet) {
            return null;
        }
    }

    private static int statusOf(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    /** The build directory: surefire runs the tests from its {@code test-classes}. */
    private static Path buildDir() throws Exception {
        return Path.of(StatusPageBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
    }
}
