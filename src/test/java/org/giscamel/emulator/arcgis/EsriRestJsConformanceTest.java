package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.NodeProject;
import org.giscamel.emulator.arcgis.gp.EsriJobStatus;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.RequestLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs Esri's own client, {@code @esri/arcgis-rest-request} 4.10.2 from npm, against the emulator: the node project
 * in {@code conformance/arcgis} signs in with {@code ArcGISIdentityManager} (user token, then the server-token
 * exchange), lists the services directory, exports a map image, runs a {@code Job} to its results, cancels
 * another, and meets a forced 498. Fails without Node.js (see {@link NodeProject}).
 */
class EsriRestJsConformanceTest {

    private static final String TASK = "/arcgis/rest/services/Demo/BufferPoints/GPServer/BufferPoints";
    private static final Pattern JOB_ID = Pattern.compile("^submitJob id=(\\w+)$", Pattern.MULTILINE);

    private ArcGisEmulator arcgis;

    @BeforeEach
    void start() throws IOException {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        // Long enough for the client to see Executing and cancel before the job ends.
        config.gp.executingMillis = 1_000;
        config.gp.spreadMillis = 0;
        arcgis = ArcGisEmulator.start(config);
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    @Test
    void esriRestJsSignsInBrowsesAndRunsGeoprocessingJobs() throws Exception {
        NodeProject.Run run = NodeProject.installed("arcgis").run(
                List.of("node", "arcgis-rest-js-conformance.mjs", arcgis.siteUrl(), arcgis.config().username),
                Map.of("ARCGIS_PASSWORD", arcgis.config().password));

        run.assertSucceeded().assertPrinted(List.of(
                "variants servicesTokenExpires=NUMBER resultsLagReads=1",
                "info isTokenBasedSecurity=true tokenServicesUrl=<site>/tokens/generateToken",
                "refreshCredentials user token issued, expires in the future",
                "getToken exchanged the user token for a server token, cached for the site",
                "services root GET folders=" + String.join(",", arcgis.catalog().folders())
                        + " services=" + services(ServiceCatalog.ROOT),
                "folder Basemaps GET services=" + services("Basemaps"),
                "folder Secured GET anonymous -> ArcGISAuthError 499",
                "folder Secured GET with token services=" + services("Secured"),
                "map export Secured/Parcels POST f=json -> {href:*.png, width:256, height:256, extent}, href -> PNG",
                "task BufferPoints executionType=esriExecutionTypeAsynchronous inputs=Input_Features,Distance "
                        + "outputs=Output_Buffers,Output_Raster,Output_Report,Output_Count",
                "waitForCompletion status=Succeeded, Executing seen while polling",
                "result Output_Buffers dataType=GPFeatureRecordSetLayer value={mapImage:{href:*.png, width, height, extent}}",
                "result Output_Raster dataType=GPRasterDataLayer value={mapImage:{href:*.png, width, height, extent}}",
                "result Output_Report dataType=GPDataFile value={url}",
                "result Output_Count dataType=GPLong value=3",
                "result Output_Buffers dataType=GPFeatureRecordSetLayer value=featureSet(esriGeometryPolygon, 3 features) with returnType=data",
                "result Output_Raster dataType=GPRasterDataLayer value={url:*.tif, format:tif} with returnType=data",
                "download Output_Raster with token -> GeoTIFF",
                "cancelJob while Executing -> esriJobCancelling",
                "waitForCompletion of the cancelled job -> ArcGISJobError",
                "cancelled job ends esriJobCancelled",
                "EXPIRE_TOKENS armed",
                "after EXPIRE_TOKENS: user token refreshed, retry with the cached server token -> ArcGISAuthError 498",
                "after EXPIRE_TOKENS: a new manager gets fresh tokens and folder Secured answers",
                "CONFORMANCE OK"));

        Matcher jobId = JOB_ID.matcher(run.output());
        assertTrue(jobId.find(), run.output());
        assertTrue(arcgis.requests().count("POST", TASK + "/jobs/" + jobId.group(1)) >= 2,
                "REST-JS polls the job by POST");
        assertEquals(2, beforeTheExpiry().stream()
                        .filter(e -> e.method().equals("POST") && e.path().equals("/arcgis/tokens/generateToken"))
                        .count(),
                "user/password, then the server-token exchange");
        assertEquals(Map.of(EsriJobStatus.SUCCEEDED, 1L, EsriJobStatus.CANCELLED, 1L), arcgis.gp().all().stream()
                .collect(Collectors.groupingBy(job -> job.status(arcgis.gp().now()), Collectors.counting())));
    }

    private String services(String folder) {
        return arcgis.catalog().services(folder).stream()
                .map(s -> s.name() + "/" + s.type())
                .collect(Collectors.joining(","));
    }

    /** What the client sent before it armed EXPIRE_TOKENS, after which it signs in again. */
    private List<RequestLog.Entry> beforeTheExpiry() {
        List<RequestLog.Entry> entries = arcgis.requests().entries();
        int armed = entries.stream().map(RequestLog.Entry::path).toList().indexOf("/__emulator/faults");
        return entries.subList(0, armed < 0 ? entries.size() : armed);
    }
}
