package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.GeoTiffWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo task of the seed's arcpy example: buffers input points and returns the buffers (a feature set), a
 * raster over their extent (a real GeoTIFF), a text report (a data file) and the number of buffers.
 */
final class BufferPointsTool implements GpTool {

    static final String INPUT_FEATURES = "Input_Features";
    static final String DISTANCE = "Distance";
    static final String OUTPUT_BUFFERS = "Output_Buffers";
    static final String OUTPUT_RASTER = "Output_Raster";
    static final String OUTPUT_REPORT = "Output_Report";
    static final String OUTPUT_COUNT = "Output_Count";
    static final JsonNode DEFAULT_SPATIAL_REFERENCE = Json.object().put("wkid", 4326).put("latestWkid", 4326);

    @Override
    public List<String> validate(GpRun run) {
        Optional<JsonNode> features = FeatureInput.resolve(run, INPUT_FEATURES);
        if (features.isEmpty()) {
            return List.of(FeatureInput.notFound(run, INPUT_FEATURES));
        }
        String geometryType = features.get().path("geometryType").asText("esriGeometryPoint");
        if (!geometryType.equals("esriGeometryPoint") && !geometryType.equals("esriGeometryMultipoint")) {
            return List.of("ERROR 000366: Invalid geometry type");
        }
        if (LinearUnit.parse(run.input(DISTANCE).orElse(null)).isEmpty()) {
            return List.of("ERROR 000622: Distance: Invalid linear unit");
        }
        return List.of();
    }

    @Override
    public Map<String, GpOutput> run(GpRun run) {
        JsonNode input = FeatureInput.resolve(run, INPUT_FEATURES).orElseThrow();
        LinearUnit distance = LinearUnit.parse(run.input(DISTANCE).orElseThrow()).orElseThrow();
        PointBuffers.Result buffers = PointBuffers.buffer(input, DEFAULT_SPATIAL_REFERENCE, distance,
                run.settings().maximumRecords);
        return Map.of(
                OUTPUT_BUFFERS, new GpOutput.Features(buffers.featureSet(), buffers.extent()),
                OUTPUT_RASTER, raster(run, buffers),
                OUTPUT_REPORT, new GpOutput.DataFile(report(run, buffers, distance)),
                OUTPUT_COUNT, new GpOutput.Literal(IntNode.valueOf(buffers.count())));
    }

    /** A diagonal gradient over the buffers' extent; cheap enough per pixel to stream gigabytes. */
    private static GpOutput.Raster raster(GpRun run, PointBuffers.Result buffers) {
        int width = run.settings().rasterWidth;
        int height = run.settings().rasterHeight;
        Extent geographic = PointBuffers.geographicExtent(buffers.extent(), buffers.spatialReference());
        long length = writer(width, height, geographic).length();
        GpFile file = new GpFile(run.outputFileName("buffer_raster.tif"), "image/tiff", length,
                out -> writer(width, height, geographic).writeTo(out));
        return new GpOutput.Raster(file, buffers.extent(), (u, v) -> (int) ((u + v) * 255 / 2));
    }

    private static GeoTiffWriter writer(int width, int height, Extent extent) {
        int[] columnPart = new int[width];
        for (int c = 0; c < width; c++) {
            columnPart[c] = c * 255 / Math.max(1, width - 1);
        }
        return new GeoTiffWriter(width, height, extent, (row, target, offset) -> {
            int rowPart = (int) ((long) row * 255 / Math.max(1, height - 1));
            for (int c = 0; c < width; c++) {
                target[offset + c] = (byte) ((columnPart[c] + rowPart) >> 1);
            }
        });
    }

    private static GpFile report(GpRun run, PointBuffers.Result buffers, LinearUnit distance) {
        Extent e = buffers.extent();
        String text = String.format(Locale.ROOT, "BufferPoints report%njob: %s%ndistance: %s%nbuffers: %d%n"
                        + "extent: %f %f %f %f%nspatialReference: %s%n", run.jobId(), distance, buffers.count(),
                e.xmin(), e.ymin(), e.xmax(), e.ymax(), buffers.spatialReference());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new GpFile(run.outputFileName("buffer_report.txt"), "text/plain", bytes.length, out -> out.write(bytes));
    }
}
