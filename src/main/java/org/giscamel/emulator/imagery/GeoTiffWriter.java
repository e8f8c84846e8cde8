package org.giscamel.emulator.imagery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a single-band 8-bit GeoTIFF in EPSG:4326 strip by strip, so a raster of gigabytes streams to the socket
 * with one strip (about 256 KiB) in memory. The layout is fixed before the first byte is written, which gives an
 * exact Content-Length: header, one IFD, the tag arrays, then the uncompressed strips.
 */
public final class GeoTiffWriter {

    /** Fills the pixels of one image row at {@code offset} in {@code target}; must be deterministic. */
    @FunctionalInterface
    public interface RowSource {
        void fill(int row, byte[] target, int offset);
    }

    private static final int STRIP_TARGET_BYTES = 256 * 1024;
    private static final int HEADER_BYTES = 8;
    private static final int TAG_COUNT = 14;
    private static final int IFD_BYTES = 2 + TAG_COUNT * 12 + 4;
    private static final long CLASSIC_TIFF_LIMIT = 0xFFFF_FFFFL;

    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short DOUBLE = 12;

    /** GTModelType=Geographic, GTRasterType=PixelIsArea, GeographicType=EPSG:4326. */
    private static final short[] GEO_KEYS = {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326};

    private final int width;
    private final int height;
    private final Extent extent;
    private final RowSource rows;
    private final int rowsPerStrip;
    private final int strips;
    private final long stripOffsetsAt;
    private final long stripCountsAt;
    private final long pixelScaleAt;
    private final long tiepointAt;
    private final long geoKeysAt;
    private final long imageAt;

    public GeoTiffWriter(int width, int height, Extent extent, RowSource rows) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Raster size must be positive");
        }
        this.width = width;
        this.height = height;
        this.extent = extent;
        this.rows = rows;
        this.rowsPerStrip = Math.max(1, Math.min(height, STRIP_TARGET_BYTES / width));
        this.strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        long cursor = HEADER_BYTES + IFD_BYTES;
        stripOffsetsAt = cursor;
        cursor += strips > 1 ? 4L * strips : 0;
        stripCountsAt = cursor;
        cursor += strips > 1 ? 4L * strips : 0;
        pixelScaleAt = cursor;
        cursor += 3 * 8;
        tiepointAt = cursor;
        cursor += 6 * 8;
        geoKeysAt = cursor;
        cursor += GEO_KEYS.length * 2L;
        imageAt = cursor;
        if (length() > CLASSIC_TIFF_LIMIT) {
            throw new IllegalArgumentException("A classic TIFF holds at most 4 GiB; asked for " + length() + " bytes");
        }
    }

    /** The exact number of bytes {@link #writeTo} writes. */
    public long length() {
        return imageAt + (long) width * height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(headerAndTags());
        byte[] strip = new byte[rowsPerStrip * width];
        for (int s = 0; s < strips; s++) {
            int first = s * rowsPerStrip;
            int count = Math.min(rowsPerStrip, height - first);
            for (int r = 0; r < count; r++) {
                rows.fill(first + r, strip, r * width);
            }
            out.write(strip, 0, count * width);
        }
    }

    private byte[] headerAndTags() {
        ByteBuffer b = ByteBuffer.allocate((int) imageAt).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(HEADER_BYTES);
        b.putShort((short) TAG_COUNT);
        inline(b, 256, LONG, width);
        inline(b, 257, LONG, height);
        inlineShort(b, 258, 8);
        inlineShort(b, 259, 1);
        inlineShort(b, 262, 1);
        arrayOrInline(b, 273, stripOffsetsAt, imageAt);
        inlineShort(b, 277, 1);
        inline(b, 278, LONG, rowsPerStrip);
        arrayOrInline(b, 279, stripCountsAt, (long) rowsPerStrip * width);
        inlineShort(b, 284, 1);
        inlineShort(b, 339, 1);
        pointer(b, 33550, DOUBLE, 3, pixelScaleAt);
        pointer(b, 33922, DOUBLE, 6, tiepointAt);
        pointer(b, 34735, SHORT, GEO_KEYS.length, geoKeysAt);
        b.putInt(0);
        if (strips > 1) {
            for (int s = 0; s < strips; s++) {
                b.putInt((int) (imageAt + (long) s * rowsPerStrip * width));
            }
            for (int s = 0; s < strips; s++) {
                b.putInt(Math.min(rowsPerStrip, height - s * rowsPerStrip) * width);
            }
        }
        b.putDouble(extent.width() / width).putDouble(extent.height() / height).putDouble(0);
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(extent.xmin()).putDouble(extent.ymax()).putDouble(0);
        for (short key : GEO_KEYS) {
            b.putShort(key);
        }
        return b.array();
    }

    private static void inline(ByteBuffer b, int tag, short type, long value) {
        b.putShort((short) tag).putShort(type).putInt(1).putInt((int) value);
    }

    private static void inlineShort(ByteBuffer b, int tag, int value) {
        b.putShort((short) tag).putShort(SHORT).putInt(1).putShort((short) value).putShort((short) 0);
    }

    private static void pointer(ByteBuffer b, int tag, short type, int count, long offset) {
        b.putShort((short) tag).putShort(type).putInt(count).putInt((int) offset);
    }

    /** One strip keeps its value in the entry itself; several strips point to an array. */
    private void arrayOrInline(ByteBuffer b, int tag, long arrayAt, long firstStripValue) {
        if (strips == 1) {
            inline(b, tag, LONG, firstStripValue);
        } else {
            pointer(b, tag, LONG, strips, arrayAt);
        }
    }
}
