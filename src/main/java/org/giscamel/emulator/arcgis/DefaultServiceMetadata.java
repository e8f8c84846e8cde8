package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.CatalogEntry;
import org.giscamel.emulator.arcgis.rest.MapExports;
import org.giscamel.emulator.arcgis.rest.ServiceCatalog;
import org.giscamel.emulator.http.Json;

import java.math.BigDecimal;

/**
 * Realistic {@code ?f=json} metadata derived from a service's name and type, built on request so that a large
 * catalog holds no JSON. Shapes follow the REST API reference examples (map service, 11.1): {@code capabilities}
 * is a comma string, {@code documentInfo} keys are capitalised, Web Mercator carries {@code latestWkid}.
 */
final class DefaultServiceMetadata {

    private DefaultServiceMetadata() {
    }

    static ObjectNode of(CatalogEntry entry, ServiceCatalog catalog, BigDecimal currentVersion) {
        return switch (entry.type()) {
            case "MapServer" -> mapServer(entry, catalog, currentVersion);
            case "FeatureServer" -> featureServer(entry, currentVersion);
            case "ImageServer" -> imageServer(entry, currentVersion);
            case "GeometryServer" -> Json.object()
                    .put("serviceDescription", "Geometry service")
                    .put("currentVersion", currentVersion);
            default -> Json.object()
                    .put("currentVersion", currentVersion)
                    .put("serviceDescription", "")
                    .put("capabilities", "");
        };
    }

    /**
     * A layer's metadata ({@code MapServer/0}, {@code FeatureServer/0}), built from the layer's entry in the
     * service's {@code layers}, so it works for supplied metadata too.
     */
    static ObjectNode layer(JsonNode serviceLayer, String serviceType, BigDecimal currentVersion) {
        ObjectNode layer = Json.object()
                .put("currentVersion", currentVersion)
                .put("id", serviceLayer.path("id").asInt())
                .put("name", serviceLayer.path("name").asText())
                .put("type", "Feature Layer")
                .put("description", "")
                .put("geometryType", serviceLayer.path("geometryType").asText("esriGeometryPoint"))
                .put("copyrightText", "GIS Camel emulator")
                .putNull("parentLayer");
        layer.putArray("subLayers");
        layer.put("minScale", 0).put("maxScale", 0).put("defaultVisibility", true);
        layer.set("sourceSpatialReference", webMercator());
        layer.set("extent", extent(-1_113_194.9, 4_163_881.1, 3_339_584.7, 8_399_737.9));
        layer.put("hasAttachments", false)
                .put("htmlPopupType", "esriServerHTMLPopupTypeNone")
                .put("displayField", "NAME")
                .put("objectIdField", "OBJECTID")
                .putNull("typeIdField");
        ArrayNode fields = layer.putArray("fields");
        fields.addObject().put("name", "OBJECTID").put("type", "esriFieldTypeOID").put("alias", "OBJECTID");
        fields.addObject().put("name", "NAME").put("type", "esriFieldTypeString").put("alias", "Name").put("length", 128);
        layer.putArray("relationships");
        layer.put("capabilities", serviceType.equals("FeatureServer") ? "Query" : "Map,Query,Data")
                .put("maxRecordCount", 1000)
                .put("supportsStatistics", true)
                .put("supportsAdvancedQueries", true)
                .put("supportedQueryFormats", "JSON, geoJSON, PBF");
        return layer;
    }

    private static ObjectNode mapServer(CatalogEntry entry, ServiceCatalog catalog, BigDecimal currentVersion) {
        ObjectNode body = Json.object()
                .put("currentVersion", currentVersion)
                .put("cimVersion", "3.1.0")
                .put("serviceDescription", entry.shortName() + " map service")
                .put("mapName", "Layers")
                .put("description", entry.shortName())
                .put("copyrightText", "GIS Camel emulator")
                .put("supportsDynamicLayers", false);
        body.set("layers", layers(entry));
        body.putArray("tables");
        body.set("spatialReference", webMercator());
        body.put("singleFusedMapCache", false);
        body.set("initialExtent", extent(-1_113_194.9, 4_163_881.1, 3_339_584.7, 8_399_737.9));
        body.set("fullExtent", extent(-20_037_508.34, -20_037_508.34, 20_037_508.34, 20_037_508.34));
        body.put("units", "esriMeters")
                .put("supportedImageFormatTypes", MapExports.SUPPORTED_IMAGE_FORMATS);
        body.set("documentInfo", documentInfo(entry));
        body.put("capabilities", "Map,Query,Data")
                .put("supportedQueryFormats", "JSON, geoJSON, PBF")
                .put("maxRecordCount", 1000)
                .put("maxImageHeight", MapExports.MAX_IMAGE_SIZE)
                .put("maxImageWidth", MapExports.MAX_IMAGE_SIZE)
                .put("supportedExtensions", catalog.find(entry.name(), "FeatureServer").isPresent() ? "FeatureServer" : "");
        return body;
    }

    private static ObjectNode featureServer(CatalogEntry entry, BigDecimal currentVersion) {
        ObjectNode body = Json.object()
                .put("currentVersion", currentVersion)
                .put("serviceDescription", entry.shortName() + " feature service")
                .put("hasVersionedData", false)
                .put("supportsDisconnectedEditing", false)
                .put("hasStaticData", false)
                .put("maxRecordCount", 1000)
                .put("supportedQueryFormats", "JSON")
                .put("capabilities", "Query")
                .put("description", entry.shortName())
                .put("copyrightText", "GIS Camel emulator");
        body.set("spatialReference", webMercator());
        body.set("initialExtent", extent(-1_113_194.9, 4_163_881.1, 3_339_584.7, 8_399_737.9));
        body.set("fullExtent", extent(-20_037_508.34, -20_037_508.34, 20_037_508.34, 20_037_508.34));
        body.put("allowGeometryUpdates", true).put("units", "esriMeters");
        body.set("documentInfo", documentInfo(entry));
        body.set("layers", layers(entry));
        body.putArray("tables");
        body.put("enableZDefaults", false).put("syncEnabled", false);
        return body;
    }

    private static ObjectNode imageServer(CatalogEntry entry, BigDecimal currentVersion) {
        ObjectNode body = Json.object()
                .put("currentVersion", currentVersion)
                .put("serviceDescription", entry.shortName() + " image service")
                .put("name", entry.shortName())
                .put("description", entry.shortName())
                .put("copyrightText", "GIS Camel emulator");
        body.set("extent", extent(-20_037_508.34, -20_037_508.34, 20_037_508.34, 20_037_508.34));
        body.set("initialExtent", extent(-1_113_194.9, 4_163_881.1, 3_339_584.7, 8_399_737.9));
        body.set("fullExtent", extent(-20_037_508.34, -20_037_508.34, 20_037_508.34, 20_037_508.34));
        body.put("pixelSizeX", 30.0).put("pixelSizeY", 30.0)
                .put("bandCount", 1)
                .put("pixelType", "F32")
                .put("minPixelSize", 0)
                .put("maxPixelSize", 0)
                .put("serviceDataType", "esriImageServiceDataTypeElevation");
        body.putArray("minValues").add(-100.0);
        body.putArray("maxValues").add(4800.0);
        body.set("spatialReference", webMercator());
        body.put("capabilities", "Image,Metadata,Catalog,Mensuration")
                .put("defaultResamplingMethod", "Bilinear")
                .put("maxImageHeight", 4100)
                .put("maxImageWidth", 15000)
                .put("maxRecordCount", 1000)
                .put("singleFusedMapCache", false);
        return body;
    }

    private static ArrayNode layers(CatalogEntry entry) {
        ArrayNode layers = Json.array();
        layers.add(serviceLayer(0, entry.shortName() + " points", "esriGeometryPoint"));
        layers.add(serviceLayer(1, entry.shortName() + " areas", "esriGeometryPolygon"));
        return layers;
    }

    private static ObjectNode serviceLayer(int id, String name, String geometryType) {
        return Json.object()
                .put("id", id)
                .put("name", name)
                .put("parentLayerId", -1)
                .put("defaultVisibility", true)
                .putNull("subLayerIds")
                .put("minScale", 0)
                .put("maxScale", 0)
                .put("type", "Feature Layer")
                .put("geometryType", geometryType);
    }

    private static ObjectNode documentInfo(CatalogEntry entry) {
        return Json.object()
                .put("Title", entry.shortName())
                .put("Author", "GIS Camel emulator")
                .put("Comments", "")
                .put("Subject", entry.shortName())
                .put("Category", "")
                .put("AntialiasingMode", "Fast")
                .put("TextAntialiasingMode", "Force")
                .put("Keywords", entry.shortName());
    }

    private static ObjectNode webMercator() {
        return Json.object().put("wkid", 102100).put("latestWkid", 3857);
    }

    private static ObjectNode extent(double xmin, double ymin, double xmax, double ymax) {
        ObjectNode extent = Json.object().put("xmin", xmin).put("ymin", ymin).put("xmax", xmax).put("ymax", ymax);
        extent.set("spatialReference", webMercator());
        return extent;
    }
}
