package org.giscamel.emulator.imagery;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * How the emulated map services draw their layers, in the spatial reference the image is asked in: the data is
 * converted point by point ({@link SpatialRef#to}), so a map in degrees draws right in a Web Mercator image.
 */
public final class MapPainters {

    private static final Color FILL = new Color(0, 112, 255, 110);
    private static final Color OUTLINE = new Color(0, 38, 115);
    private static final Color POINT = new Color(200, 30, 30);
    private static final double POINT_RADIUS_PX = 3;

    /** Pixel value (0..255) at column u, row v of a raster, both in [0, 1). */
    @FunctionalInterface
    public interface PixelValues {
        int value(double u, double v);
    }

    private MapPainters() {
    }

    /**
     * The geometries of an Esri featureSet, in the featureSet's {@code spatialReference}: polygons filled with an
     * outline, polylines stroked, points and multipoints as dots of a fixed pixel size.
     *
     * @throws org.giscamel.emulator.http.BadRequestException when the emulator cannot convert to {@code imageSr}
     */
    public static MapCanvas.Painter features(JsonNode featureSet, SpatialRef imageSr) {
        SpatialRef.Conversion toImage = SpatialRef.fromJson(featureSet.path("spatialReference")).to(imageSr);
        return (g, worldToPixel, extent, width, height) -> {
            g.setStroke(new BasicStroke(1.5f));
            for (JsonNode feature : featureSet.path("features")) {
                JsonNode geometry = feature.path("geometry");
                if (geometry.has("rings")) {
                    Shape shape = worldToPixel.createTransformedShape(path(geometry.get("rings"), toImage, true));
                    g.setColor(FILL);
                    g.fill(shape);
                    g.setColor(OUTLINE);
                    g.draw(shape);
                } else if (geometry.has("paths")) {
                    g.setColor(OUTLINE);
                    g.draw(worldToPixel.createTransformedShape(path(geometry.get("paths"), toImage, false)));
                } else if (geometry.has("points")) {
                    geometry.get("points").forEach(p -> dot(g, worldToPixel, toImage, p.path(0).asDouble(), p.path(1).asDouble()));
                } else if (geometry.has("x") && geometry.has("y")) {
                    dot(g, worldToPixel, toImage, geometry.get("x").asDouble(), geometry.get("y").asDouble());
                }
            }
        };
    }

    /**
     * A raster covering {@code extent} (in {@code rasterSr}) in greys: each image pixel inside it takes the value
     * under its centre, so a raster in degrees lands where it belongs in a Web Mercator image too.
     */
    public static MapCanvas.Painter raster(Extent extent, SpatialRef rasterSr, PixelValues pixels, SpatialRef imageSr) {
        SpatialRef.Conversion toImage = rasterSr.to(imageSr);
        SpatialRef.Conversion toRaster = imageSr.to(rasterSr);
        return (g, worldToPixel, imageExtent, width, height) -> {
            Extent onMap = toImage.apply(extent);
            Rectangle2D onImage = worldToPixel.createTransformedShape(
                    new Rectangle2D.Double(onMap.xmin(), onMap.ymin(), onMap.width(), onMap.height())).getBounds2D();
            Rectangle visible = onImage.getBounds().intersection(new Rectangle(0, 0, width, height));
            if (visible.isEmpty()) {
                return;
            }
            AffineTransform pixelToWorld = inverse(worldToPixel);
            BufferedImage tile = new BufferedImage(visible.width, visible.height, BufferedImage.TYPE_INT_ARGB);
            Point2D.Double point = new Point2D.Double();
            for (int py = 0; py < visible.height; py++) {
                for (int px = 0; px < visible.width; px++) {
                    point.setLocation(visible.x + px + 0.5, visible.y + py + 0.5);
                    pixelToWorld.transform(point, point);
                    double[] at = toRaster.apply(point.x, point.y);
                    double u = (at[0] - extent.xmin()) / extent.width();
                    double v = (extent.ymax() - at[1]) / extent.height();
                    if (u >= 0 && u < 1 && v >= 0 && v < 1) {
                        int grey = pixels.value(u, v);
                        tile.setRGB(px, py, 0xC0 << 24 | grey << 16 | grey << 8 | grey);
                    }
                }
            }
            g.drawImage(tile, visible.x, visible.y, null);
        };
    }

    /** Rings or paths, each a list of {@code [x, y]} vertices, converted to the image's spatial reference. */
    private static Path2D path(JsonNode parts, SpatialRef.Conversion toImage, boolean close) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (JsonNode part : parts) {
            for (int i = 0; i < part.size(); i++) {
                double[] p = toImage.apply(part.get(i).get(0).asDouble(), part.get(i).get(1).asDouble());
                if (i == 0) {
                    path.moveTo(p[0], p[1]);
                } else {
                    path.lineTo(p[0], p[1]);
                }
            }
            if (close) {
                path.closePath();
            }
        }
        return path;
    }

    private static void dot(Graphics2D g, AffineTransform worldToPixel, SpatialRef.Conversion toImage,
                            double x, double y) {
        double[] p = toImage.apply(x, y);
        Point2D centre = worldToPixel.transform(new Point2D.Double(p[0], p[1]), null);
        g.setColor(POINT);
        g.fill(new Ellipse2D.Double(centre.getX() - POINT_RADIUS_PX, centre.getY() - POINT_RADIUS_PX,
                2 * POINT_RADIUS_PX, 2 * POINT_RADIUS_PX));
    }

    private static AffineTransform inverse(AffineTransform worldToPixel) {
        try {
            return worldToPixel.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException("An image of a non-empty extent maps back to the world", e);
        }
    }
}
