package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;

import java.util.OptionalInt;
import java.util.function.IntSupplier;

/** Renders jobs and their result values (§5.6, §5.8), including the result map service's {@code mapImage} rule. */
final class GpResultValues {

    private final GpHttp http;
    private final GpJobs jobs;
    private final ResultMaps maps;
    private final IntSupplier resultsLagReads;

    GpResultValues(GpHttp http, GpJobs jobs, ResultMaps maps, IntSupplier resultsLagReads) {
        this.http = http;
        this.jobs = jobs;
        this.maps = maps;
        this.resultsLagReads = resultsLagReads;
    }

    /**
     * The job resource. {@code messages} is always present (the schema requires it) and empty when
     * {@code returnMessages=false}; {@code results} appears once succeeded, except on the first
     * {@code ArcGisVariants#resultsLagReads} such reads; {@code inputs} appears once the job has ended.
     */
    ObjectNode jobJson(GpJob job, boolean returnMessages) {
        long now = jobs.now();
        EsriJobStatus status = job.status(now);
        ObjectNode body = Json.object().put("jobId", job.id()).put("jobStatus", status.wireName());
        OptionalInt percent = job.progressPercent(now);
        if (percent.isPresent()) {
            body.putObject("progress").put("type", "step").put("message", job.progressMessage(now))
                    .put("percent", percent.getAsInt());
        }
        if (status == EsriJobStatus.SUCCEEDED && !job.withholdResults(resultsLagReads.getAsInt())) {
            ObjectNode results = body.putObject("results");
            job.task().outputs().forEach(p -> results.putObject(p.name()).put("paramUrl", "results/" + p.name()));
        }
        if (status.isSettled()) {
            ObjectNode inputs = body.putObject("inputs");
            job.task().inputs().forEach(p -> inputs.putObject(p.name()).put("paramUrl", "inputs/" + p.name()));
        }
        ArrayNode messages = body.putArray("messages");
        if (returnMessages) {
            job.messages(now).forEach(m -> messages.add(m.toJson()));
        }
        return body;
    }

    /** {@code {"paramName","dataType","value"}} of one output of a succeeded job. */
    ObjectNode result(EmulatorRequest request, GpJob job, GpParameter param) {
        ObjectNode body = Json.object().put("paramName", param.name()).put("dataType", param.dataType());
        body.set("value", drawsAsMapImage(request, job, param)
                ? Json.object().set("mapImage", maps.mapImage(request, job, maps.layerOf(job.task(), param)))
                : data(request, job, job.outputs().get(param.name())));
        return body;
    }

    /**
     * With a result map service, raster and feature results are map images unless {@code returnType=data}
     * is sent (DOC:gp-result); PYAPI and REST-JS do not send it.
     */
    boolean drawsAsMapImage(EmulatorRequest request, GpJob job, GpParameter param) {
        return job.service().hasResultMapService()
                && !request.param("returnType").orElse("").equalsIgnoreCase("data")
                && maps.layerOf(job.task(), param).isPresent();
    }

    EmulatorResponse mapImageBytes(EmulatorRequest request, GpJob job, GpParameter param) {
        return maps.image(request, job, maps.layerOf(job.task(), param));
    }

    private JsonNode data(EmulatorRequest request, GpJob job, GpOutput output) {
        if (output instanceof GpOutput.Literal literal) {
            return literal.value();
        }
        if (output instanceof GpOutput.Features features) {
            return features.featureSet();
        }
        if (output instanceof GpOutput.Raster raster) {
            return Json.object().put("url", fileUrl(request, job, raster.file())).put("format", "tif");
        }
        GpOutput.DataFile file = (GpOutput.DataFile) output;
        return Json.object().put("url", fileUrl(request, job, file.file()));
    }

    /** arcgisjobs/<svc>_gpserver/<jobId>/scratch/<file> for jobs, arcgisoutput/<Svc>_GPServer/_ags_.. for execute. */
    private String fileUrl(EmulatorRequest request, GpJob job, GpFile file) {
        String directories = http.siteUrl(request) + "/rest/directories/";
        return job.sync()
                ? directories + "arcgisoutput/" + job.service().outputDirectory() + "/" + file.name()
                : directories + "arcgisjobs/" + job.service().jobsDirectory() + "/" + job.id() + "/scratch/" + file.name();
    }
}
