package org.giscamel.harvest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps two runs of one source from overlapping: a lock file in the reports folder, held while a run goes on. A
 * file lock also covers a one-shot {@code harvest} command started while the application runs the schedule.
 */
final class RunLock {

    /**
     * Lock files held in this JVM. Checked before the file is opened: on POSIX systems closing any channel of a
     * file drops every lock the process holds on it, so a second channel must never be opened and closed.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private RunLock() {
    }

    /** A held lock; closing it lets the next run start. */
    static final class Held implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;

        private Held(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not release the harvest lock " + file, e);
            } finally {
                HELD.remove(file);
            }
        }
    }

    /** The lock of {@code sourceId}, or empty when a run holds it (in this JVM or another process). */
    static Optional<Held> tryAcquire(Path dir, String sourceId) {
        Path file = dir.resolve(".harvest-" + sourceId + ".lock").toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                HELD.remove(file);
                return Optional.empty();
            }
            return Optional.of(new Held(file, channel));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(file);
            throw new IllegalStateException("Could not take the harvest lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken; nothing to undo
            }
        }
    }
}
