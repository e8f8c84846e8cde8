package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointBuffersTest {

    private static final LinearUnit HUNDRED_METRES = LinearUnit.parse(Json.parseOrNull("{\"distance\":100,\"units\":\"esriMeters\"}")).orElseThrow();

    private static double[][] ring(PointBuffers.Result result) {
        JsonNode ring = result.featureSet().at("/features/0/geometry/rings/0");
        double[][] points = new double[ring.size()][];
        for (int i = 0; i < ring.size(); i++) {
            points[i] = new double[]{ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
        }
        return points;
    }

    @Test
    void projectedPointsGetAPlanarCircleInMetresClockwise() {
        JsonNode input = Json.parseOrNull("{\"spatialReference\":{\"wkid\":102100,\"latestWkid\":3857},"
                + "\"features\":[{\"geometry\":{\"x\":1000,\"y\":2000},\"attributes\":{\"Name\":\"a\"}}]}");
        PointBuffers.Result result = PointBuffers.buffer(input, BufferPointsTool.DEFAULT_SPATIAL_REFERENCE, HUNDRED_METRES, 10);
        double[][] ring = ring(result);
        assertEquals(PointBuffers.VERTICES + 1, ring.length);
        for (double[] p : ring) {
            assertEquals(100, Math.hypot(p[0] - 1000, p[1] - 2000), 1e-9);
        }
        assertTrue(PointBuffers.signedArea(ring) < 0, "Esri exterior rings are clockwise");
        assertEquals(3857, result.featureSet().at("/spatialReference/latestWkid").asInt());
        assertEquals("a", result.featureSet().at("/features/0/attributes/Name").asText(), "schema-less attributes kept");
    }

    @Test
    void multipointGivesOneRingPerPoint() {
        JsonNode input = Json.parseOrNull("{\"geometryType\":\"esriGeometryMultipoint\",\"features\":"
                + "[{\"geometry\":{\"points\":[[0,0],[1,1],[2,2]]},\"attributes\":{}}]}");
        PointBuffers.Result result = PointBuffers.buffer(input, BufferPointsTool.DEFAULT_SPATIAL_REFERENCE, HUNDRED_METRES, 10);
        assertEquals(3, result.featureSet().at("/features/0/geometry/rings").size());
    }

    @Test
    void featuresBeyondMaximumRecordsAreCutAndFlagged() {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            features.append(i == 0 ? "" : ",").append("{\"geometry\":{\"x\":").append(i).append(",\"y\":0}}");
        }
        JsonNode input = Json.parseOrNull("{\"features\":[" + features + "]}");
        PointBuffers.Result result = PointBuffers.buffer(input, BufferPointsTool.DEFAULT_SPATIAL_REFERENCE, HUNDRED_METRES, 3);
        assertEquals(3, result.featureSet().get("features").size());
        assertTrue(result.featureSet().get("exceededTransferLimit").asBoolean());
        assertEquals(5, result.count());
    }

    @Test
    void linearUnitsAcceptJsonAndArcpyText() {
        assertEquals(1.524, LinearUnit.parse(Json.parseOrNull("\"5 Feet\"")).orElseThrow().metres(), 1e-9);
        assertEquals(1609.344, LinearUnit.parse(Json.parseOrNull("{\"distance\":1,\"units\":\"esriMiles\"}")).orElseThrow().metres(), 1e-9);
        assertTrue(LinearUnit.parse(Json.parseOrNull("{\"distance\":1,\"units\":\"esriParsecs\"}")).isEmpty());
    }
}
