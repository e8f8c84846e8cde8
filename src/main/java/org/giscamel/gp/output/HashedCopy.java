package org.giscamel.gp.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a stream into a file channel at the speed of the slower of the two, for multi-gigabyte GP outputs. The
 * profile of the former copy (8 KiB {@code transferTo} through {@code Channels.newOutputStream}, hashing in line,
 * one fsync of the whole file at the end) showed the time in 8 KiB file writes, in the final fsync (the kernel
 * starts write-back only past {@code dirty_background_ratio}, so a 2 GiB file was still all in memory when it was
 * forced) and in hashing between reads. So:
 * <ul>
 *   <li>the stream is read in {@value #BUFFER_BYTES}-byte chunks, each written with one channel write;</li>
 *   <li>each chunk is hashed on a helper thread while the next one is read; a few chunks circulate, so the heap
 *       stays flat whatever the size;</li>
 *   <li>every {@value #WRITE_BACK_BYTES} bytes another helper asks for the file's data to be written back
 *       ({@code force(false)}) while the copy goes on, so the caller's final fsync has little left to do.</li>
 * </ul>
 * The caller still forces the whole file before it counts as written: the early write-backs only spread the work.
 */
final class HashedCopy {

    static final int BUFFER_BYTES = 1 << 20;
    /** Chunks in circulation: one being read and written, the others waiting for or in the hash. */
    private static final int BUFFERS = 4;
    static final long WRITE_BACK_BYTES = 64L << 20;
    /** Marks the end of the stream in the hash queue. */
    private static final Chunk END = new Chunk(new byte[0], 0);

    /** Daemon threads, so that a copy cut short never holds the JVM. */
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(new HelperThreads());

    /** What was copied. */
    record Copied(long size, String sha256) {
    }

    private record Chunk(byte[] bytes, int length) {
    }

    private HashedCopy() {
    }

    /** Copies {@code in} to its end into {@code channel} at its position; does not close either, nor force. */
    static Copied copy(InputStream in, FileChannel channel) throws IOException {
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER_BYTES]);
        }
        BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
        MessageDigest digest = sha256();
        Future<?> hashing = HELPERS.submit(() -> {
            for (Chunk chunk = toHash.take(); chunk != END; chunk = toHash.take()) {
                digest.update(chunk.bytes(), 0, chunk.length());
                free.put(chunk.bytes());
            }
            return null;
        });
        Future<?> writeBack = CompletableFuture.completedFuture(null);
        boolean copied = false;
        try {
            long size = 0;
            long sinceWriteBack = 0;
            int read;
            do {
                byte[] buffer = nextFree(free, hashing);
                read = in.readNBytes(buffer, 0, buffer.length);
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                put(toHash, new Chunk(buffer, read));
                size += read;
                sinceWriteBack += read;
                if (sinceWriteBack >= WRITE_BACK_BYTES && writeBack.isDone()) {
                    await(writeBack); // reports a failed write-back
                    writeBack = HELPERS.submit(() -> {
                        channel.force(false);
                        return null;
                    });
                    sinceWriteBack = 0;
                }
            } while (read == BUFFER_BYTES);
            put(toHash, END);
            await(hashing);
            await(writeBack);
            copied = true;
            return new Copied(size, HexFormat.of().formatHex(digest.digest()));
        } finally {
            if (!copied) {
                hashing.cancel(true);
                // Never interrupted: an interrupt inside force closes the channel under the caller.
                awaitQuietly(writeBack);
            }
        }
    }

    /** A free chunk; polls, so that a hash thread that died cannot leave the copy waiting for ever. */
    private static byte[] nextFree(BlockingQueue<byte[]> free, Future<?> hashing) throws IOException {
        try {
            byte[] buffer;
            while ((buffer = free.poll(1, TimeUnit.SECONDS)) == null) {
                if (hashing.isDone()) {
                    await(hashing);
                    throw new IllegalStateException("the hash of the copy ended before the copy");
                }
            }
            return buffer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying");
        }
    }

    private static void put(BlockingQueue<Chunk> queue, Chunk chunk) throws IOException {
        try {
            queue.put(chunk); // never blocks long: the queue holds every chunk there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying");
        }
    }

    private static void await(Future<?> helper) throws IOException {
        try {
            helper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("a helper of the copy failed", e.getCause());
        }
    }

    private static void awaitQuietly(Future<?> helper) {
        try {
            helper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the copy already failed; its own exception is the one that matters
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    private static final class HelperThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "gis-file-copy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
