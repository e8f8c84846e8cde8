package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.Json;

import java.util.Map;

/**
 * Settings of the emulated geoprocessing services. Defaults suit the demo (a job takes a few seconds, as on a
 * real server); tests shorten them. Timings apply to jobs submitted after a change. Also settable at run time
 * through {@code POST /__emulator/gp/settings?name=value&..}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class GpSettings {

    /** How long a new job stays {@code esriJobSubmitted} (cancel is refused in this state). */
    public volatile long submittedMillis = 1_000;
    /** How long a job stays {@code esriJobWaiting} for a job processor before it executes. */
    public volatile long waitingMillis = 1_000;
    /** Base execution time. */
    public volatile long executingMillis = 5_000;
    /** Each job executes up to this much longer (random), so many jobs finish over a spread of times. */
    public volatile long spreadMillis = 2_000;
    /** How long {@code esriJobCancelling} lasts before {@code esriJobCancelled} (real servers check every 5 s). */
    public volatile long cancellingMillis = 1_000;
    /** Job processors per service; more jobs than this wait in {@code esriJobWaiting}. 0 = unlimited. */
    public volatile int maxInstances = 0;
    /** Number of distinct {@code progress.percent} values while executing (the real server updates every 5 s). */
    public volatile int progressSteps = 5;
    /** How long a synchronous {@code execute} blocks. */
    public volatile long syncExecuteMillis = 200;
    /** Size of the raster output; width x height bytes (one 8-bit band). */
    public volatile int rasterWidth = 512;
    public volatile int rasterHeight = 512;
    /** Feature outputs are cut here with {@code exceededTransferLimit: true} (the service's maximumRecords). */
    public volatile int maximumRecords = 1000;
    /**
     * Whether GP resources, including output files under rest/directories, need a token: the services' folder
     * becomes a secured folder of the catalog. Read once, when the API is registered.
     */
    public volatile boolean requireToken = true;
    /** Jobs and their files disappear after this long, as the arcgisjobs directory is cleaned (DSC: 360 min). */
    public volatile long jobRetentionMillis = 360 * 60_000L;
    /** Largest accepted upload; the whole body is held in memory. */
    public volatile long maxUploadBytes = 256L * 1024 * 1024;
    /**
     * Site root written into output URLs, e.g. {@code https://gis.example.com/arcgis} to imitate a web adaptor;
     * empty = the request's Host header and context.
     */
    public volatile String publicSiteUrl = "";

    public static GpSettings defaults() {
        return new GpSettings();
    }

    /** Timings for tests: the whole lifecycle takes well under a second. */
    public static GpSettings fast() {
        GpSettings s = new GpSettings();
        s.submittedMillis = 50;
        s.waitingMillis = 50;
        s.executingMillis = 300;
        s.spreadMillis = 100;
        s.cancellingMillis = 50;
        s.syncExecuteMillis = 0;
        s.rasterWidth = 64;
        s.rasterHeight = 48;
        return s;
    }

    /** Applies named values (as strings, e.g. from a query) to this object; unknown names are rejected. */
    public void apply(Map<String, String> values) {
        ObjectNode node = Json.object();
        values.forEach(node::put);
        try {
            Json.MAPPER.readerForUpdating(this).readValue(node);
        } catch (JsonMappingException e) {
            throw new BadRequestException("Invalid GP setting: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRequestException("Invalid GP settings");
        }
    }

    public ObjectNode toJson() {
        return Json.MAPPER.valueToTree(this);
    }
}
