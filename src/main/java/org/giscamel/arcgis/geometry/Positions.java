package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;

/** Writes positions ({@code [x, y]} or {@code [x, y, z]}), the same in GeoJSON and Esri JSON. */
final class Positions {

    private Positions() {
    }

    static ArrayNode toJson(List<double[]> positions) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (double[] p : positions) {
            ArrayNode position = array.addArray();
            for (double v : p) {
                position.add(v);
            }
        }
        return array;
    }
}
