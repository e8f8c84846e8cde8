package org.giscamel.emulator.imagery;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Draws map layers into an image of exactly the requested size and encodes it with javax.imageio (headless). */
public final class MapCanvas {

    /** Draws one layer; {@code worldToPixel} maps map units to image pixels (y down). */
    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g, AffineTransform worldToPixel, Extent extent, int width, int height);
    }

    static {
        // Emulators run on build machines and CI without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private MapCanvas() {
    }

    public static byte[] render(int width, int height, Extent extent, ImageFormat format, boolean transparent,
                                List<Painter> painters) {
        boolean alpha = transparent && format.supportsAlpha();
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            AffineTransform worldToPixel = new AffineTransform(width / extent.width(), 0, 0, -height / extent.height(),
                    -extent.xmin() * width / extent.width(), extent.ymax() * height / extent.height());
            for (Painter painter : painters) {
                painter.paint(g, worldToPixel, extent, width, height);
            }
        } finally {
            g.dispose();
        }
        return encode(image, format);
    }

    private static byte[] encode(BufferedImage image, ImageFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format.extension(), out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Map scale for an image of {@code widthPx} at {@code dpi}: ground metres per metre of screen. */
    public static double scale(Extent extent, int widthPx, int dpi, boolean geographic) {
        double metresPerUnit = geographic ? 2 * Math.PI * 6378137 / 360 : 1;
        double screenMetres = widthPx / (double) dpi * 0.0254;
        return extent.width() * metresPerUnit / screenMetres;
    }
}
