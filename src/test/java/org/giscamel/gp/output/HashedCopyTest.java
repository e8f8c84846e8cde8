package org.giscamel.gp.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HashedCopyTest {

    @TempDir
    Path folder;

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private HashedCopy.Copied copy(InputStream in) throws IOException {
        try (FileChannel channel = FileChannel.open(folder.resolve("copy"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            return HashedCopy.copy(in, channel);
        }
    }

    /** A stream that hands out at most a few bytes a read, as a slow socket does. */
    private static InputStream trickling(byte[] content, int most) {
        return new FilterInputStream(new ByteArrayInputStream(content)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(most, length));
            }
        };
    }

    @Test
    void contentOfManyChunksIsCopiedInOrderWithItsSizeAndSha256() throws Exception {
        byte[] content = random(5 * HashedCopy.BUFFER_BYTES + 12_345); // more chunks than circulate

        HashedCopy.Copied copied = copy(trickling(content, 100_000));

        assertArrayEquals(content, Files.readAllBytes(folder.resolve("copy")));
        assertEquals(new HashedCopy.Copied(content.length, sha256(content)), copied);
    }

    @Test
    void contentOfWholeChunksEndsWithAnEmptyRead() throws Exception {
        byte[] content = random(2 * HashedCopy.BUFFER_BYTES);

        HashedCopy.Copied copied = copy(new ByteArrayInputStream(content));

        assertEquals(new HashedCopy.Copied(content.length, sha256(content)), copied);
        assertArrayEquals(content, Files.readAllBytes(folder.resolve("copy")));
    }

    @Test
    void contentPastTheWriteBackStepIsCopiedWhole() throws Exception {
        byte[] content = random((int) HashedCopy.WRITE_BACK_BYTES * 2 + 7);

        HashedCopy.Copied copied = copy(new ByteArrayInputStream(content));

        assertEquals(new HashedCopy.Copied(content.length, sha256(content)), copied);
        assertEquals(content.length, Files.size(folder.resolve("copy")));
    }

    @Test
    void aFailingStreamFailsTheCopyWithItsOwnException() {
        byte[] content = random(3 * HashedCopy.BUFFER_BYTES);
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(content)) {
            private long sent;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (sent > 2L * HashedCopy.BUFFER_BYTES) {
                    throw new IOException("connection reset");
                }
                int n = super.read(buffer, offset, Math.min(length, 65_536));
                sent += Math.max(n, 0);
                return n;
            }
        };

        IOException e = assertThrows(IOException.class, () -> copy(failing));
        assertEquals("connection reset", e.getMessage());
    }
}
