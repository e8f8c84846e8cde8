package org.giscamel.arcgis.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Ring arithmetic in the x/y plane (y up). Esri and RFC 7946 disagree on orientation: Esri exterior rings are
 * clockwise and holes counter-clockwise, GeoJSON the opposite; both want rings closed.
 */
final class Rings {

    private Rings() {
    }

    /** Shoelace area: positive for counter-clockwise rings, negative for clockwise ones. */
    static double signedArea(List<double[]> ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(i + 1);
            sum += a[0] * b[1] - b[0] * a[1];
        }
        return sum / 2;
    }

    static boolean isClockwise(List<double[]> ring) {
        return signedArea(ring) < 0;
    }

    /** A copy turned to the wanted orientation; a zero-area ring has none and is kept as it is. */
    static List<double[]> oriented(List<double[]> ring, boolean clockwise) {
        double area = signedArea(ring);
        List<double[]> copy = new ArrayList<>(ring);
        if (area != 0 && (area < 0) != clockwise) {
            Collections.reverse(copy);
        }
        return copy;
    }

    /** The ring with its first position repeated at the end, if the file left that out. */
    static List<double[]> closed(List<double[]> ring) {
        if (ring.isEmpty() || Arrays.equals(ring.get(0), ring.get(ring.size() - 1))) {
            return ring;
        }
        List<double[]> copy = new ArrayList<>(ring);
        copy.add(ring.get(0));
        return copy;
    }

    /**
     * Whether {@code inner} lies inside {@code outer}. Rings do not cross but may touch at vertices, and the
     * even-odd ray test is arbitrary on the boundary, so the first vertex of {@code inner} that is not also a vertex
     * of {@code outer} decides.
     */
    static boolean contains(List<double[]> outer, List<double[]> inner) {
        for (double[] p : inner) {
            if (outer.stream().noneMatch(v -> v[0] == p[0] && v[1] == p[1])) {
                return containsPoint(outer, p[0], p[1]);
            }
        }
        return false;
    }

    private static boolean containsPoint(List<double[]> ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(j);
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
