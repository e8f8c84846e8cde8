package org.giscamel.emulator.imagery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.Json;

/** An axis-aligned rectangle in map units, as ArcGIS writes it: {@code {"xmin",..,"spatialReference"}}. */
public record Extent(double xmin, double ymin, double xmax, double ymax) {

    public static final Extent WORLD = new Extent(-180, -90, 180, 90);

    public double width() {
        return xmax - xmin;
    }

    public double height() {
        return ymax - ymin;
    }

    public boolean isEmpty() {
        return !(width() > 0 && height() > 0);
    }

    public Extent union(Extent other) {
        return new Extent(Math.min(xmin, other.xmin), Math.min(ymin, other.ymin),
                Math.max(xmax, other.xmax), Math.max(ymax, other.ymax));
    }

    /** Grows the extent around its centre so that it has the image's aspect ratio, as a map server does. */
    public Extent fitTo(int widthPx, int heightPx) {
        double wanted = (double) widthPx / heightPx;
        double cx = (xmin + xmax) / 2;
        double cy = (ymin + ymax) / 2;
        if (width() / height() < wanted) {
            double half = height() * wanted / 2;
            return new Extent(cx - half, ymin, cx + half, ymax);
        }
        double half = width() / wanted / 2;
        return new Extent(xmin, cy - half, xmax, cy + half);
    }

    /** Parses {@code xmin,ymin,xmax,ymax}, the way {@code bbox} arrives (GDAL sends 8 decimals). */
    public static Extent parseBbox(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new BadRequestException("bbox must be xmin,ymin,xmax,ymax");
        }
        try {
            Extent e = new Extent(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
            if (e.isEmpty()) {
                throw new BadRequestException("bbox is empty");
            }
            return e;
        } catch (NumberFormatException e) {
            throw new BadRequestException("bbox must hold four numbers");
        }
    }

    public ObjectNode toJson(JsonNode spatialReference) {
        ObjectNode node = Json.object().put("xmin", xmin).put("ymin", ymin).put("xmax", xmax).put("ymax", ymax);
        node.set("spatialReference", spatialReference.deepCopy());
        return node;
    }
}
