package org.giscamel.emulator.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.arcgis.rest.CatalogEntry;
import org.giscamel.emulator.arcgis.rest.MapExports;
import org.giscamel.emulator.arcgis.rest.ServiceAccess;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.http.Router;
import org.giscamel.emulator.imagery.MapCanvas;
import org.giscamel.emulator.imagery.MapPainters;
import org.giscamel.emulator.imagery.SpatialRef;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * What the catalog's map services draw: each layer of the service's metadata shows generated features of its
 * geometry type, the same everywhere so that a test can tell where a pixel must be filled. Areas are a
 * checkerboard of 10-degree cells (cell {@code [0,10)x[0,10)} filled), points sit at the centres of the empty
 * cells, lines are the 30-degree graticule.
 */
final class CatalogMaps {

    private static final int CELL = 10;
    private static final int MAX_LATITUDE = 80;
    private static final Map<String, ObjectNode> FEATURES = Map.of(
            "esriGeometryPolygon", checkerboard(),
            "esriGeometryPoint", cellCentres(),
            "esriGeometryMultipoint", cellCentres(),
            "esriGeometryPolyline", graticule());

    private final String context;
    private final ServiceAccess access;
    private final MapExports exports;

    CatalogMaps(String context, ServiceAccess access) {
        this.context = context;
        this.access = access;
        this.exports = new MapExports(request -> "http://" + request.header("Host").orElse("localhost") + "/" + context);
    }

    /** The images that exports' {@code href}s name; they need a token where their service does. */
    void register(Router router) {
        router.read("/" + context + "/rest/directories/arcgisoutput/{service:.+}_MapServer/{file}", request -> {
            String service = request.pathVariable("service");
            return access.denialForService(request, service)
                    .orElseGet(() -> exports.kept(service, request.pathVariable("file")));
        });
    }

    /** {@code <service>/MapServer/export} of a catalog entry, whose {@code metadata} lists its layers. */
    EmulatorResponse export(EmulatorRequest request, CatalogEntry entry, JsonNode metadata) {
        return exports.export(request, content(entry, metadata));
    }

    private static MapExports.MapContent content(CatalogEntry entry, JsonNode metadata) {
        SpatialRef sr = SpatialRef.fromJson(metadata.path("spatialReference"));
        List<JsonNode> layers = StreamSupport.stream(metadata.path("layers").spliterator(), false).toList();
        return new MapExports.MapContent() {
            @Override
            public String serviceName() {
                return entry.name();
            }

            @Override
            public SpatialRef spatialReference() {
                return sr;
            }

            @Override
            public List<Integer> layerIds() {
                return layers.stream().map(l -> l.path("id").asInt()).toList();
            }

            @Override
            public Optional<MapCanvas.Painter> painter(int layerId, SpatialRef imageSr) {
                return layers.stream().filter(l -> l.path("id").asInt() == layerId).findFirst()
                        .map(l -> FEATURES.get(l.path("geometryType").asText()))
                        .map(features -> MapPainters.features(features, imageSr));
            }
        };
    }

    private static ObjectNode checkerboard() {
        ObjectNode set = featureSet("esriGeometryPolygon");
        ArrayNode features = (ArrayNode) set.get("features");
        for (int lon = -180; lon < 180; lon += CELL) {
            for (int lat = -MAX_LATITUDE; lat < MAX_LATITUDE; lat += CELL) {
                if (filled(lon, lat)) {
                    ArrayNode ring = features.addObject().putObject("geometry").putArray("rings").addArray();
                    ring.addArray().add(lon).add(lat);
                    ring.addArray().add(lon).add(lat + CELL);
                    ring.addArray().add(lon + CELL).add(lat + CELL);
                    ring.addArray().add(lon + CELL).add(lat);
                    ring.addArray().add(lon).add(lat);
                }
            }
        }
        return set;
    }

    private static ObjectNode cellCentres() {
        ObjectNode set = featureSet("esriGeometryPoint");
        ArrayNode features = (ArrayNode) set.get("features");
        for (int lon = -180; lon < 180; lon += CELL) {
            for (int lat = -MAX_LATITUDE; lat < MAX_LATITUDE; lat += CELL) {
                if (!filled(lon, lat)) {
                    features.addObject().putObject("geometry")
                            .put("x", lon + CELL / 2.0).put("y", lat + CELL / 2.0);
                }
            }
        }
        return set;
    }

    private static ObjectNode graticule() {
        ObjectNode set = featureSet("esriGeometryPolyline");
        ArrayNode features = (ArrayNode) set.get("features");
        for (int lon = -180; lon <= 180; lon += 3 * CELL) {
            ArrayNode path = features.addObject().putObject("geometry").putArray("paths").addArray();
            path.addArray().add(lon).add(-MAX_LATITUDE);
            path.addArray().add(lon).add(MAX_LATITUDE);
        }
        for (int lat = -60; lat <= 60; lat += 3 * CELL) {
            ArrayNode path = features.addObject().putObject("geometry").putArray("paths").addArray();
            path.addArray().add(-180).add(lat);
            path.addArray().add(180).add(lat);
        }
        return set;
    }

    /** Cells whose corner indices add up to an even number: {@code [0,10)x[0,10)} is filled, its neighbours not. */
    private static boolean filled(int lon, int lat) {
        return Math.floorMod(Math.floorDiv(lon, CELL) + Math.floorDiv(lat, CELL), 2) == 0;
    }

    private static ObjectNode featureSet(String geometryType) {
        ObjectNode set = Json.object().put("geometryType", geometryType);
        set.set("spatialReference", SpatialRef.WGS84.toJson());
        set.putArray("features");
        return set;
    }
}
