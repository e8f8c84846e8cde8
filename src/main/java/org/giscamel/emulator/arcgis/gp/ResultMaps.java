package org.giscamel.emulator.arcgis.gp;

import org.giscamel.gp.GpJobStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.ImageFormat;
import org.giscamel.emulator.imagery.MapCanvas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The result map service of an asynchronous GP service (§5.11): {@code …/MapServer}, {@code …/MapServer/jobs/<id>}
 * and their {@code export}, drawing the job's buffers and raster into a real image of exactly the requested size.
 * Layer ids follow the task's raster and feature outputs in order. Exported images are kept as a recipe and
 * re-drawn when their {@code href} is fetched.
 */
final class ResultMaps {

    static final int MAX_IMAGE_SIZE = 4096;
    private static final int DEFAULT_SIZE = 400;
    private static final int KEPT_EXPORTS = 1000;
    private static final JsonNode DEFAULT_SR = BufferPointsTool.DEFAULT_SPATIAL_REFERENCE;

    /** What an exported image shows; enough to draw it again. */
    private record Export(GpJob job, Extent extent, int width, int height, int dpi, ImageFormat format,
                          boolean transparent, Set<Integer> layers) {
    }

    private final GpHttp http;
    private final GpJobs jobs;
    private final BigDecimal currentVersion;
    private final Map<String, Export> exports = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Export> eldest) {
            return size() > KEPT_EXPORTS;
        }
    };

    ResultMaps(GpHttp http, GpJobs jobs, BigDecimal currentVersion) {
        this.http = http;
        this.jobs = jobs;
        this.currentVersion = currentVersion;
    }

    void register(Router router, GpService service) {
        if (!service.hasResultMapService()) {
            return;
        }
        String base = http.servicesPath() + service.resultMapServiceName() + "/MapServer";
        router.read(base + "/jobs/{jobId}/export",
                http.resource(service, r -> withJob(r, service, job -> export(r, service, job))));
        router.read(base + "/jobs/{jobId}", http.resource(service, r -> withJob(r, service,
                job -> EmulatorResponse.json(jobMapJson(service, job)))));
        router.read(base + "/export", http.resource(service, r -> export(r, service, null)));
        router.read(base, http.resource(service, r -> EmulatorResponse.json(mapJson(service))));
        router.read(http.directoriesPath() + "arcgisoutput/" + outputDirectory(service) + "/{file}",
                http.file(service, this::storedImage));
    }

    /** The map layer that draws an output parameter, if it is a raster or feature output. */
    OptionalInt layerOf(GpTask task, GpParameter param) {
        List<GpParameter> drawable = drawable(task);
        int index = drawable.indexOf(param);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** A {@code mapImage} value: the result drawn at the request's image parameters, or 400x400 of its extent. */
    ObjectNode mapImage(EmulatorRequest request, GpJob job, OptionalInt layer) {
        Export export = exportOf(request, job, layer.isPresent() ? Set.of(layer.getAsInt()) : Set.of());
        return imageJson(request, job.service(), export);
    }

    EmulatorResponse image(EmulatorRequest request, GpJob job, OptionalInt layer) {
        return draw(exportOf(request, job, layer.isPresent() ? Set.of(layer.getAsInt()) : Set.of()));
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

    private EmulatorResponse export(EmulatorRequest request, GpService service, GpJob job) {
        Export export = exportOf(request, job, visibleLayers(request.param("layers").orElse(""), service));
        if (request.format().equals("image")) {
            return draw(export);
        }
        return EmulatorResponse.json(imageJson(request, service, export));
    }

    private Export exportOf(EmulatorRequest request, GpJob job, Set<Integer> layers) {
        int[] size = size(request.param("size").orElse(""));
        Extent bbox = request.nonBlankParam("bbox").map(Extent::parseBbox)
                .orElseGet(() -> succeeded(job) ? job.mapExtent() : Extent.WORLD);
        int dpi = request.nonBlankParam("dpi").map(ResultMaps::dpi).orElse(96);
        return new Export(job, bbox.fitTo(size[0], size[1]), size[0], size[1], dpi,
                ImageFormat.parse(request.param("format").orElse("png")),
                request.booleanParam("transparent", false), layers);
    }

    private ObjectNode imageJson(EmulatorRequest request, GpService service, Export export) {
        String name = "_ags_map" + UUID.randomUUID().toString().replace("-", "") + "." + export.format().extension();
        synchronized (exports) {
            exports.put(name, export);
        }
        ObjectNode body = Json.object()
                .put("href", http.siteUrl(request) + "/rest/directories/arcgisoutput/" + outputDirectory(service) + "/" + name)
                .put("width", export.width())
                .put("height", export.height());
        JsonNode sr = spatialReference(export.job());
        body.set("extent", export.extent().toJson(sr));
        body.put("scale", MapCanvas.scale(export.extent(), export.width(), export.dpi(), PointBuffers.isGeographic(sr)));
        return body;
    }

    private EmulatorResponse storedImage(EmulatorRequest request) {
        Export export;
        synchronized (exports) {
            export = exports.get(request.pathVariable("file"));
        }
        return export == null ? GpHttp.error(404, "File not found", "") : draw(export);
    }

    private EmulatorResponse draw(Export export) {
        List<MapCanvas.Painter> painters = new ArrayList<>();
        if (succeeded(export.job())) {
            List<GpParameter> drawable = drawable(export.job().task());
            for (int id : export.layers()) {
                GpOutput output = export.job().outputs().get(drawable.get(id).name());
                if (output instanceof GpOutput.Raster raster) {
                    painters.add(MapPainters.raster(raster));
                } else if (output instanceof GpOutput.Features features) {
                    painters.add(MapPainters.features(features.featureSet()));
                }
            }
        }
        byte[] image = MapCanvas.render(export.width(), export.height(), export.extent(), export.format(),
                export.transparent(), painters);
        return EmulatorResponse.bytes(200, export.format().contentType(), image);
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
                .put("supportedImageFormatTypes", "PNG32,PNG24,PNG8,PNG,JPG,GIF,BMP")
                .put("capabilities", "Map")
                .put("maxImageHeight", MAX_IMAGE_SIZE)
                .put("maxImageWidth", MAX_IMAGE_SIZE)
                .put("supportedExtensions", "");
        return body;
    }

    private static List<GpParameter> drawable(GpTask task) {
        return task.outputs().stream()
                .filter(p -> p.dataType().equals("GPFeatureRecordSetLayer") || p.dataType().equals("GPRasterDataLayer"))
                .toList();
    }

    /** {@code show|hide|include|exclude:ids}; empty (GDAL sends {@code layers=}) means the default: all. */
    private static Set<Integer> visibleLayers(String spec, GpService service) {
        Set<Integer> all = new TreeSet<>();
        for (int i = 0; i < drawable(service.tasks().get(0)).size(); i++) {
            all.add(i);
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return all;
        }
        Set<Integer> ids = new TreeSet<>();
        for (String id : spec.substring(colon + 1).split(",")) {
            if (!id.isBlank()) {
                ids.add(Integer.parseInt(id.trim()));
            }
        }
        ids.retainAll(all);
        String mode = spec.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (mode.equals("hide") || mode.equals("exclude")) {
            Set<Integer> shown = new TreeSet<>(all);
            shown.removeAll(ids);
            return shown;
        }
        // include adds to the default visibility, which already shows every layer
        return mode.equals("include") ? all : ids;
    }

    private static int dpi(String text) {
        try {
            return Math.max(1, (int) Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw new BadRequestException("dpi must be a number");
        }
    }

    private static int[] size(String text) {
        if (text.isBlank()) {
            return new int[]{DEFAULT_SIZE, DEFAULT_SIZE};
        }
        String[] parts = text.split(",");
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : w;
            if (w <= 0 || h <= 0 || w > MAX_IMAGE_SIZE || h > MAX_IMAGE_SIZE) {
                throw new BadRequestException("size must be between 1 and " + MAX_IMAGE_SIZE + " pixels per side");
            }
            return new int[]{w, h};
        } catch (NumberFormatException e) {
            throw new BadRequestException("size must be width,height");
        }
    }

    private boolean succeeded(GpJob job) {
        return job != null && job.status(jobs.now()) == GpJobStatus.SUCCEEDED;
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

    private static String outputDirectory(GpService service) {
        return service.resultMapServiceName() + "_MapServer";
    }
}
