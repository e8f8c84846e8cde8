package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.MapExports;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.MapCanvas;
import org.giscamel.emulator.imagery.MapPainters;
import org.giscamel.emulator.imagery.SpatialRef;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The result map service of an asynchronous GP service (§5.11): {@code …/MapServer}, {@code …/MapServer/jobs/<id>}
 * and their {@code export}, drawing the job's buffers and raster with the export every map service shares
 * ({@link MapExports}). Layer ids follow the task's raster and feature outputs in order.
 */
final class ResultMaps {

    private static final JsonNode DEFAULT_SR = BufferPointsTool.DEFAULT_SPATIAL_REFERENCE;

    private final GpHttp http;
    private final GpJobs jobs;
    private final BigDecimal currentVersion;
    private final MapExports exports;

    ResultMaps(GpHttp http, GpJobs jobs, BigDecimal currentVersion) {
        this.http = http;
        this.jobs = jobs;
        this.currentVersion = currentVersion;
        this.exports = new MapExports(http::siteUrl);
    }

    void register(Router router, GpService service) {
        if (!service.hasResultMapService()) {
            return;
        }
        String base = http.servicesPath() + service.resultMapServiceName() + "/MapServer";
        router.read(base + "/jobs/{jobId}/export", http.resource(service,
                r -> withJob(r, service, job -> exports.export(r, content(service, job)))));
        router.read(base + "/jobs/{jobId}", http.resource(service, r -> withJob(r, service,
                job -> EmulatorResponse.json(jobMapJson(service, job)))));
        router.read(base + "/export", http.resource(service, r -> exports.export(r, content(service, null))));
        router.read(base, http.resource(service, r -> EmulatorResponse.json(mapJson(service))));
        router.read(http.directoriesPath() + "arcgisoutput/" + MapExports.outputDirectory(service.resultMapServiceName())
                + "/{file}", http.file(service, r -> exports.kept(service.resultMapServiceName(), r.pathVariable("file"))));
    }

    /** The map layer that draws an output parameter, if it is a raster or feature output. */
    OptionalInt layerOf(GpTask task, GpParameter param) {
        List<GpParameter> drawable = drawable(task);
        int index = drawable.indexOf(param);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** A {@code mapImage} value: the result drawn at the request's image parameters, or 400x400 of its extent. */
    ObjectNode mapImage(EmulatorRequest request, GpJob job, OptionalInt layer) {
        return exports.describe(request, resultImage(request, job, layer));
    }

    EmulatorResponse image(EmulatorRequest request, GpJob job, OptionalInt layer) {
        return exports.draw(resultImage(request, job, layer));
    }

    private MapExports.MapImage resultImage(EmulatorRequest request, GpJob job, OptionalInt layer) {
        return exports.image(request, content(job.service(), job), Optional.of(job.mapExtent()),
                layer.isPresent() ? Set.of(layer.getAsInt()) : Set.of());
    }

    private interface JobHandler {
        EmulatorResponse handle(GpJob job);
    }

    private EmulatorResponse withJob(EmulatorRequest request, GpService service, JobHandler handler) {
        String jobId = request.pathVariable("jobId");
        return jobs.find(jobId).filter(j -> j.service() == service)
                .map(handler::handle)
                .orElseGet(() -> GpHttp.unknownJob(jobId));
    }

    /** The map of one job's outputs, or of none ({@code job} null: the service's own export). */
    private MapExports.MapContent content(GpService service, GpJob job) {
        SpatialRef sr = SpatialRef.fromJson(spatialReference(job));
        return new MapExports.MapContent() {
            @Override
            public String serviceName() {
                return service.resultMapServiceName();
            }

            @Override
            public SpatialRef spatialReference() {
                return sr;
            }

            @Override
            public List<Integer> layerIds() {
                return IntStream.range(0, drawable(service.tasks().get(0)).size()).boxed().toList();
            }

            @Override
            public Optional<MapCanvas.Painter> painter(int layerId, SpatialRef imageSr) {
                if (!succeeded(job)) {
                    return Optional.empty();
                }
                GpOutput output = job.outputs().get(drawable(job.task()).get(layerId).name());
                if (output instanceof GpOutput.Raster raster) {
                    return Optional.of(MapPainters.raster(raster.extent(), sr, raster.pixels()::value, imageSr));
                }
                return output instanceof GpOutput.Features features
                        ? Optional.of(MapPainters.features(features.featureSet(), imageSr)) : Optional.empty();
            }
        };
    }

    private ObjectNode jobMapJson(GpService service, GpJob job) {
        ObjectNode body = Json.object().put("jobId", job.id()).put("jobStatus", job.status(jobs.now()).wireName());
        body.setAll(mapJson(service, job));
        return body;
    }

    /** The result map service's own metadata, as the services directory also shows it. */
    ObjectNode mapJson(GpService service) {
        return mapJson(service, null);
    }

    private ObjectNode mapJson(GpService service, GpJob job) {
        JsonNode sr = spatialReference(job);
        Extent extent = succeeded(job) ? job.mapExtent() : Extent.WORLD;
        ObjectNode body = Json.object()
                .put("currentVersion", currentVersion)
                .put("serviceDescription", "Result map service of " + service.name())
                .put("mapName", "Layers")
                .put("description", "")
                .put("copyrightText", "")
                .put("supportsDynamicLayers", false);
        ArrayNode layers = body.putArray("layers");
        // the map's layers are the raster and feature outputs of the service's (single) task
        List<GpParameter> drawable = drawable(service.tasks().get(0));
        for (int id = 0; id < drawable.size(); id++) {
            GpParameter p = drawable.get(id);
            boolean raster = p.dataType().equals("GPRasterDataLayer");
            ObjectNode layer = layers.addObject().put("id", id).put("name", p.name()).put("parentLayerId", -1)
                    .put("defaultVisibility", true).putNull("subLayerIds").put("minScale", 0).put("maxScale", 0)
                    .put("type", raster ? "Raster Layer" : "Feature Layer");
            if (!raster) {
                layer.put("geometryType", p.defaultValue().path("geometryType").asText("esriGeometryPolygon"));
            }
        }
        body.putArray("tables");
        body.set("spatialReference", sr.deepCopy());
        body.put("singleFusedMapCache", false);
        body.set("initialExtent", extent.toJson(sr));
        body.set("fullExtent", extent.toJson(sr));
        body.put("units", PointBuffers.isGeographic(sr) ? "esriDecimalDegrees" : "esriMeters")
                .put("supportedImageFormatTypes", MapExports.SUPPORTED_IMAGE_FORMATS)
                .put("capabilities", "Map")
                .put("maxImageHeight", MapExports.MAX_IMAGE_SIZE)
                .put("maxImageWidth", MapExports.MAX_IMAGE_SIZE)
                .put("supportedExtensions", "");
        return body;
    }

    private static List<GpParameter> drawable(GpTask task) {
        return task.outputs().stream()
                .filter(p -> p.dataType().equals("GPFeatureRecordSetLayer") || p.dataType().equals("GPRasterDataLayer"))
                .toList();
    }

    private boolean succeeded(GpJob job) {
        return job != null && job.status(jobs.now()) == EsriJobStatus.SUCCEEDED;
    }

    private JsonNode spatialReference(GpJob job) {
        if (!succeeded(job)) {
            return DEFAULT_SR;
        }
        return job.outputs().values().stream()
                .filter(o -> o instanceof GpOutput.Features)
                .map(o -> ((GpOutput.Features) o).featureSet().path("spatialReference"))
                .findFirst().orElse(DEFAULT_SR);
    }
}
