package org.giscamel.gp.output;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers, and a restart after {@code kill -9}, see either nothing or the whole file: the
 * content goes to a hidden temp file in the same folder (so the rename stays on one file system), is forced to
 * disk, and is then renamed over the target in one atomic step. Content is streamed, never held in memory, and
 * hashed on the way ({@link HashedCopy}).
 */
public final class AtomicFiles {

    private static final String TEMP_PREFIX = ".partial-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String TEMP_GLOB = TEMP_PREFIX + "*" + TEMP_SUFFIX;

    private AtomicFiles() {
    }

    /** Writes {@code in} to {@code target} (replacing it), creating missing folders; does not close {@code in}. */
    public static WrittenFile write(Path target, InputStream in) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            HashedCopy.Copied copied;
            // Opened rather than created with createTempFile, whose owner-only permissions the output would keep.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copied = HashedCopy.copy(in, channel);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return new WrittenFile(target, copied.size(), copied.sha256());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    public static WrittenFile write(Path target, byte[] content) throws IOException {
        return write(target, new ByteArrayInputStream(content));
    }

    /**
     * Deletes temp files a killed process left in {@code folder}; call it on resume, while nothing is being
     * written there.
     *
     * @return how many were deleted
     */
    public static int deleteStaleTempFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, TEMP_GLOB)) {
            for (Path temp : temps) {
                if (Files.deleteIfExists(temp)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
