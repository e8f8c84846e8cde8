package org.giscamel.emulator.arcgis.gp;

import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.GeoTiffWriter;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GeoTiffWriterTest {

    private static final Extent EXTENT = new Extent(-10, -5, 10, 5);

    private static byte[] write(GeoTiffWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        return out.toByteArray();
    }

    private static GeoTiffWriter pattern(int width, int height) {
        return new GeoTiffWriter(width, height, EXTENT, (row, target, offset) -> {
            for (int c = 0; c < width; c++) {
                target[offset + c] = (byte) (row * 7 + c);
            }
        });
    }

    @Test
    void announcedLengthIsTheNumberOfBytesWritten() throws IOException {
        GeoTiffWriter writer = pattern(1000, 600);
        assertEquals(writer.length(), write(writer).length);
    }

    @Test
    void carriesGeoreferencingInEpsg4326() throws IOException {
        TiffTags tags = new TiffTags(write(pattern(40, 20)));
        assertArrayEquals(new long[]{40}, tags.longs(256));
        assertArrayEquals(new long[]{20}, tags.longs(257));
        assertArrayEquals(new double[]{0.5, 0.5, 0}, tags.doubles(33550), 1e-12);
        assertArrayEquals(new double[]{0, 0, 0, -10, 5, 0}, tags.doubles(33922), 1e-12);
        long[] geoKeys = tags.longs(34735);
        assertEquals(4326, geoKeys[geoKeys.length - 1]);
        assertEquals(2048, geoKeys[geoKeys.length - 4]);
    }

    @Test
    void singleAndMultiStripRastersDecodeToTheWrittenPixels() throws IOException {
        for (int[] size : new int[][]{{40, 20}, {1000, 600}}) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(write(pattern(size[0], size[1]))));
            assertNotNull(image);
            assertEquals(size[0], image.getWidth());
            assertEquals(size[1], image.getHeight());
            int row = size[1] - 1;
            int col = size[0] - 3;
            assertEquals((row * 7 + col) & 0xFF, image.getRaster().getSample(col, row, 0));
        }
    }

    @Test
    void rejectsRastersBeyondTheClassicTiffLimit() {
        assertThrows(IllegalArgumentException.class, () -> pattern(70_000, 70_000));
    }
}
