package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;
import org.w3c.dom.Element;

import java.util.Optional;

/** Reads WGS84 boxes from the ways capabilities write them; a box with a value that is not a number is left out. */
final class Boxes {

    private Boxes() {
    }

    static Optional<LonLatBox> of(String west, String south, String east, String north) {
        try {
            return Optional.of(new LonLatBox(number(west), number(south), number(east), number(north)));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /** From {@code minx miny maxx maxy} attributes, as WMS 1.1 and WFS 1.0 write a box in degrees. */
    static Optional<LonLatBox> ofAttributes(Element box) {
        return of(box.getAttribute("minx"), box.getAttribute("miny"), box.getAttribute("maxx"),
                box.getAttribute("maxy"));
    }

    /** From two positions {@code "lon lat"}, as OWS corners and GML positions give them. */
    static Optional<LonLatBox> ofCorners(String lower, String upper) {
        String[] low = lower.trim().split("\\s+");
        String[] up = upper.trim().split("\\s+");
        if (low.length < 2 || up.length < 2) {
            return Optional.empty();
        }
        return of(low[0], low[1], up[0], up[1]);
    }

    private static double number(String text) {
        double value = Double.parseDouble(text.trim());
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(text);
        }
        return value;
    }
}
