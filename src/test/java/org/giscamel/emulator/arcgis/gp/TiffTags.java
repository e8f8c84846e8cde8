package org.giscamel.emulator.arcgis.gp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads the first IFD of a little-endian TIFF, as a client checking a downloaded raster would. */
final class TiffTags {

    private record Entry(int type, int count, int valueOrOffset) {
    }

    private final ByteBuffer buffer;
    private final Map<Integer, Entry> entries = new HashMap<>();

    TiffTags(byte[] tiff) {
        buffer = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals('I', buffer.get(0));
        assertEquals('I', buffer.get(1));
        assertEquals(42, buffer.getShort(2));
        int ifd = buffer.getInt(4);
        int count = buffer.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int at = ifd + 2 + i * 12;
            entries.put(buffer.getShort(at) & 0xFFFF,
                    new Entry(buffer.getShort(at + 2) & 0xFFFF, buffer.getInt(at + 4), at + 8));
        }
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** A SHORT or LONG tag's values. */
    long[] longs(int tag) {
        Entry e = entries.get(tag);
        int size = e.type() == 3 ? 2 : 4;
        int at = e.count() * size <= 4 ? e.valueOrOffset() : buffer.getInt(e.valueOrOffset());
        long[] values = new long[e.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = size == 2 ? buffer.getShort(at + i * 2) & 0xFFFF : buffer.getInt(at + i * 4) & 0xFFFFFFFFL;
        }
        return values;
    }

    double[] doubles(int tag) {
        Entry e = entries.get(tag);
        int at = buffer.getInt(e.valueOrOffset());
        double[] values = new double[e.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getDouble(at + i * 8);
        }
        return values;
    }
}
