package org.giscamel.arcgis.geometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an Esri polygon's flat {@code rings} into polygons, as GeoJSON needs them: clockwise rings are exteriors,
 * counter-clockwise ones holes (Esri's rule), and each hole goes to the smallest exterior that contains it. A hole
 * that no exterior contains is malformed input; it becomes a polygon of its own so that no area is lost. Rings
 * of fewer than three distinct positions enclose nothing and are dropped.
 */
final class RingGroups {

    private RingGroups() {
    }

    /** @return polygons, each its exterior ring followed by its holes, in the order of the exteriors */
    static List<List<List<double[]>>> group(List<List<double[]>> rings) {
        List<List<List<double[]>>> polygons = new ArrayList<>();
        List<List<double[]>> holes = new ArrayList<>();
        for (List<double[]> ring : rings) {
            if (ring.size() < 4) {
                continue;
            }
            if (Rings.signedArea(ring) > 0) {
                holes.add(ring);
            } else {
                polygons.add(new ArrayList<>(List.of(ring)));
            }
        }
        Comparator<List<List<double[]>>> bySize = Comparator.comparingDouble(p -> Math.abs(Rings.signedArea(p.get(0))));
        for (List<double[]> hole : holes) {
            polygons.stream()
                    .filter(p -> Math.abs(Rings.signedArea(p.get(0))) > Math.abs(Rings.signedArea(hole)))
                    .filter(p -> Rings.contains(p.get(0), hole))
                    .min(bySize)
                    .ifPresentOrElse(p -> p.add(hole), () -> polygons.add(new ArrayList<>(List.of(hole))));
        }
        return polygons;
    }
}
