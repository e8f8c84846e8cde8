package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.Json;

import java.util.List;

import static org.giscamel.emulator.arcgis.gp.GpParameter.REQUIRED;
import static org.giscamel.emulator.arcgis.gp.GpParameter.input;
import static org.giscamel.emulator.arcgis.gp.GpParameter.output;

/**
 * The GP services the emulated site publishes in folder {@code Demo}:
 * <ul>
 *   <li>{@code Demo/BufferPoints} — asynchronous, with a result map service and the Uploads capability;</li>
 *   <li>{@code Demo/BufferPointsSync} — the same task, synchronous, without Uploads;</li>
 *   <li>{@code Demo/RasterInfo} — asynchronous, with Uploads: describes an uploaded raster given by itemID.</li>
 * </ul>
 */
public final class DemoGpServices {

    public static final String FOLDER = "Demo";
    public static final String BUFFER_POINTS = "Demo/BufferPoints";
    public static final String BUFFER_POINTS_SYNC = "Demo/BufferPointsSync";
    public static final String RASTER_INFO = "Demo/RasterInfo";

    private DemoGpServices() {
    }

    public static List<GpService> all() {
        return List.of(
                new GpService(BUFFER_POINTS, "Buffers points; returns the buffers, a raster and a report.", false,
                        "BufferPoints", true, List.of(bufferPoints())),
                new GpService(BUFFER_POINTS_SYNC, "Buffers points synchronously.", true, "", false,
                        List.of(bufferPoints())),
                new GpService(RASTER_INFO, "Describes an uploaded raster.", false, "", true, List.of(rasterInfo())));
    }

    private static GpTask bufferPoints() {
        ObjectNode pointFilter = Json.object().put("type", "featureClass");
        pointFilter.putArray("list").add("esriGeometryPoint").add("esriGeometryMultipoint");
        return new GpTask("BufferPoints", "Buffer Points", "Buffers the input points by a distance.", List.of(
                input(BufferPointsTool.INPUT_FEATURES, "GPFeatureRecordSetLayer", "Points to buffer.", REQUIRED,
                        featureSetSchema("esriGeometryPoint", "Name", "esriFieldTypeString"), pointFilter),
                input(BufferPointsTool.DISTANCE, "GPLinearUnit", "Buffer distance.", REQUIRED,
                        Json.object().put("distance", 100.0).put("units", "esriMeters"), null),
                output(BufferPointsTool.OUTPUT_BUFFERS, "GPFeatureRecordSetLayer", "The buffers.",
                        featureSetSchema("esriGeometryPolygon", "BUFF_DIST", "esriFieldTypeDouble")),
                output(BufferPointsTool.OUTPUT_RASTER, "GPRasterDataLayer", "A surface over the buffers (GeoTIFF).", null),
                output(BufferPointsTool.OUTPUT_REPORT, "GPDataFile", "A text report.", null),
                output(BufferPointsTool.OUTPUT_COUNT, "GPLong", "Number of buffers.", null)),
                new BufferPointsTool());
    }

    private static GpTask rasterInfo() {
        return new GpTask("RasterInfo", "Raster Info", "Reports the format, size and SHA-256 of an uploaded raster.",
                List.of(
                        input(RasterInfoTool.INPUT_RASTER, "GPRasterDataLayer", "An uploaded raster: {\"itemID\":..}.",
                                REQUIRED, null, null),
                        output(RasterInfoTool.OUTPUT_FORMAT, "GPString", "TIFF, PNG, JPEG or Unknown.", null),
                        output(RasterInfoTool.OUTPUT_SIZE, "GPLong", "Size in bytes.", null),
                        output(RasterInfoTool.OUTPUT_SHA256, "GPString", "Hex SHA-256 of the content.", null)),
                new RasterInfoTool());
    }

    private static JsonNode featureSetSchema(String geometryType, String field, String fieldType) {
        ObjectNode schema = Json.object().put("displayFieldName", "").put("geometryType", geometryType);
        schema.set("spatialReference", BufferPointsTool.DEFAULT_SPATIAL_REFERENCE.deepCopy());
        var fields = schema.putArray("fields");
        fields.addObject().put("name", "OBJECTID").put("type", "esriFieldTypeOID").put("alias", "OBJECTID");
        fields.addObject().put("name", field).put("type", fieldType).put("alias", field);
        schema.putArray("features");
        schema.put("exceededTransferLimit", false);
        return schema;
    }
}
