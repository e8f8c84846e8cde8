package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GeoprocessingApi;
import org.giscamel.emulator.arcgis.gp.GpFile;
import org.giscamel.emulator.arcgis.gp.GpOutput;
import org.giscamel.emulator.arcgis.gp.GpParameter;
import org.giscamel.emulator.arcgis.gp.GpRun;
import org.giscamel.emulator.arcgis.gp.GpService;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.arcgis.gp.GpTask;
import org.giscamel.emulator.arcgis.gp.GpTool;
import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.EmulatorHttpServer;
import org.giscamel.emulator.http.FaultInjector;
import org.giscamel.emulator.http.RequestLog;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.http.TokenAuthority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.giscamel.gp.GpFlowHarness.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server that names an output file so as to climb out of the output folder is refused. */
class GpUnsafeOutputNameTest {

    private static final String ESCAPE = "..%2F..%2F..%2Fescape.txt";

    /** A task whose job returns one honest file and one named to escape. */
    private static final class EscapingTool implements GpTool {
        @Override
        public List<String> validate(GpRun run) {
            return List.of();
        }

        @Override
        public Map<String, GpOutput> run(GpRun run) {
            return Map.of("Output_Note", file("note.txt"), "Output_Escape", file(ESCAPE));
        }

        private static GpOutput file(String name) {
            byte[] bytes = ("written as " + name).getBytes(StandardCharsets.UTF_8);
            return new GpOutput.DataFile(new GpFile(name, "text/plain", bytes.length, out -> out.write(bytes)));
        }
    }

    @TempDir
    Path dir;
    private EmulatorHttpServer server;
    private GpFlowHarness flow;

    @BeforeEach
    void start() throws Exception {
        GpSettings settings = GpSettings.fast();
        settings.requireToken = false;
        TokenAuthority tokens = new TokenAuthority(Clock.systemUTC(), 60, 60);
        GpTask task = new GpTask("Escape", "Escape", "Returns a file named to escape", List.of(
                GpParameter.input("Input_Features", "GPFeatureRecordSetLayer", "Points", GpParameter.REQUIRED, null, null),
                GpParameter.output("Output_Note", "GPDataFile", "An honest file", null),
                GpParameter.output("Output_Escape", "GPDataFile", "A file named ../../../escape.txt", null)),
                new EscapingTool());
        GeoprocessingApi gp = new GeoprocessingApi(ArcGisEmulatorConfig.defaults().gpHost(), settings, tokens, new ServiceCatalog(),
                List.of(new GpService("Evil/Escape", "Escapes", false, "", false, List.of(task))));
        RequestLog requests = new RequestLog();
        server = new EmulatorHttpServer("evil", 0, gp.register(new Router()), new ArcGisErrors(), new FaultInjector(),
                requests, tokens::expireAll);
        flow = GpFlowHarness.start(dir, List.of(new GpFlowHarness.Job("escape",
                server.baseUrl() + "/arcgis/rest/services/Evil/Escape/GPServer/Escape", "Input_Features", Map.of())),
                Map.of());
    }

    @AfterEach
    void stop() {
        flow.close();
        server.close();
    }

    @Test
    void anOutputNameThatWouldLeaveTheOutputFolderIsRefusedAndTheJobFails() throws Exception {
        flow.drop("escape", "points.geojson", POINTS);
        JsonNode error = flow.awaitFailedDrop("escape", "points.geojson");
        GpJobRecord job = flow.finished("escape", "points.geojson");

        assertEquals("output-not-written", error.path("reasonCode").asText());
        assertTrue(error.path("reason").asText().contains("refused output name"), error::toString);
        assertTrue(Files.exists(flow.jobFolder("escape", job).resolve("note.txt")), "the honest output is written");
        try (Stream<Path> everything = Files.walk(dir)) {
            assertEquals(List.of(), everything.filter(p -> p.getFileName().toString().contains("escape.txt")).toList());
        }
        assertTrue(Files.notExists(dir.getParent().resolve("escape.txt")));
    }
}
