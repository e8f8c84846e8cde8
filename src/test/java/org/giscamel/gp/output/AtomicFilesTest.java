package org.giscamel.gp.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @TempDir
    Path folder;

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheContentAndReportsItsSizeAndSha256() throws Exception {
        byte[] content = "GeoTIFF bytes".getBytes(StandardCharsets.UTF_8);

        WrittenFile written = AtomicFiles.write(folder.resolve("out.tif"), content);

        assertArrayEquals(content, Files.readAllBytes(folder.resolve("out.tif")));
        assertEquals(new WrittenFile(folder.resolve("out.tif"), content.length, sha256(content)), written);
        assertEquals(List.of("out.tif"), names(), "no temp file is left behind");
    }

    @Test
    void theSha256OfNothingIsTheWellKnownOne() throws IOException {
        WrittenFile written = AtomicFiles.write(folder.resolve("empty.txt"), new byte[0]);

        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", written.sha256());
        assertEquals(0, written.size());
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        Files.writeString(folder.resolve("job.json"), "old and longer content");

        AtomicFiles.write(folder.resolve("job.json"), "new".getBytes(StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(folder.resolve("job.json")));
    }

    @Test
    void missingFoldersAreCreated() throws IOException {
        Path target = folder.resolve("job-1/outputs/report.txt");

        AtomicFiles.write(target, "x".getBytes(StandardCharsets.UTF_8));

        assertEquals("x", Files.readString(target));
    }

    @Test
    void aStreamThatFailsHalfwayLeavesTheOldFileAndNoTempFile() throws IOException {
        Files.writeString(folder.resolve("out.tif"), "complete old version");
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 10_000) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(folder.resolve("out.tif"), failing));

        assertEquals("connection reset", e.getMessage());
        assertEquals("complete old version", Files.readString(folder.resolve("out.tif")));
        assertEquals(List.of("out.tif"), names());
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll() throws IOException {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("timeout");
            }
        };

        assertThrows(IOException.class, () -> AtomicFiles.write(folder.resolve("out.tif"), failing));

        assertEquals(List.of(), names());
    }

    @Test
    void aLargeStreamIsHashedAsItIsCopied() throws Exception {
        long size = 48L * 1024 * 1024 + 17;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        InputStream generated = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? (int) (position++ * 31 % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (position++ * 31 % 251);
                }
                expected.update(b, off, n);
                return n;
            }
        };

        WrittenFile written = AtomicFiles.write(folder.resolve("big.tif"), generated);

        assertEquals(size, written.size());
        assertEquals(size, Files.size(folder.resolve("big.tif")));
        assertEquals(HexFormat.of().formatHex(expected.digest()), written.sha256());
    }

    @Test
    void theCallerKeepsTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new java.io.ByteArrayInputStream(new byte[]{1, 2}) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        AtomicFiles.write(folder.resolve("a.bin"), in);

        assertFalse(closed[0]);
    }

    @Test
    void staleTempFilesOfAKilledRunAreDeletedAndNothingElse() throws IOException {
        Files.writeString(folder.resolve(".partial-3f2a1c9e-0000-4000-8000-000000000001.tmp"), "half");
        Files.writeString(folder.resolve(".partial-3f2a1c9e-0000-4000-8000-000000000002.tmp"), "half");
        Files.writeString(folder.resolve("out.tif"), "done");
        Files.writeString(folder.resolve("notes.tmp"), "mine");

        assertEquals(2, AtomicFiles.deleteStaleTempFiles(folder));

        assertEquals(List.of("notes.tmp", "out.tif"), names());
    }

    @Test
    void aMissingFolderHasNoStaleTempFiles() throws IOException {
        assertEquals(0, AtomicFiles.deleteStaleTempFiles(folder.resolve("not-yet")));
    }

    @Test
    void theResultNamesTheTargetGiven() throws IOException {
        Path target = folder.resolve("x.txt");

        assertSame(target, AtomicFiles.write(target, new byte[]{1}).path());
    }
}
