package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.MapCanvas;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** How the result map service draws GP outputs. */
final class MapPainters {

    private static final Color FILL = new Color(0, 112, 255, 110);
    private static final Color OUTLINE = new Color(0, 38, 115);

    private MapPainters() {
    }

    /** Polygons of a featureSet: translucent fill, solid outline. */
    static MapCanvas.Painter features(JsonNode featureSet) {
        return (g, worldToPixel, extent, width, height) -> {
            for (JsonNode feature : featureSet.path("features")) {
                Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                for (JsonNode ring : feature.path("geometry").path("rings")) {
                    for (int i = 0; i < ring.size(); i++) {
                        double x = ring.get(i).get(0).asDouble();
                        double y = ring.get(i).get(1).asDouble();
                        if (i == 0) {
                            path.moveTo(x, y);
                        } else {
                            path.lineTo(x, y);
                        }
                    }
                    path.closePath();
                }
                var shape = worldToPixel.createTransformedShape(path);
                g.setColor(FILL);
                g.fill(shape);
                g.setColor(OUTLINE);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(shape);
            }
        };
    }

    /** A raster in greys, sampled once per image pixel inside the raster's extent. */
    static MapCanvas.Painter raster(GpOutput.Raster raster) {
        return (g, worldToPixel, extent, width, height) -> {
            Extent r = raster.extent();
            Rectangle2D onImage = worldToPixel.createTransformedShape(
                    new Rectangle2D.Double(r.xmin(), r.ymin(), r.width(), r.height())).getBounds2D();
            Rectangle visible = onImage.getBounds().intersection(new Rectangle(0, 0, width, height));
            if (visible.isEmpty()) {
                return;
            }
            BufferedImage tile = new BufferedImage(visible.width, visible.height, BufferedImage.TYPE_INT_ARGB);
            for (int py = 0; py < visible.height; py++) {
                double v = (visible.y + py + 0.5 - onImage.getY()) / onImage.getHeight();
                for (int px = 0; px < visible.width; px++) {
                    double u = (visible.x + px + 0.5 - onImage.getX()) / onImage.getWidth();
                    int grey = raster.pixels().value(clamp(u), clamp(v));
                    tile.setRGB(px, py, 0xC0 << 24 | grey << 16 | grey << 8 | grey);
                }
            }
            g.drawImage(tile, visible.x, visible.y, null);
        };
    }

    private static double clamp(double t) {
        return Math.max(0, Math.min(0.999999, t));
    }
}
