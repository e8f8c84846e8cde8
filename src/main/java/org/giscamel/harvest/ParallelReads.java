package org.giscamel.harvest;

import org.giscamel.reply.GisServerException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a batch of catalog items on the run's pool, each with its item retries, and hands the results on in the
 * items' order on the calling thread. An item whose read fails with a server failure goes to {@code failed} and
 * the others go on; any other failure ends the walk.
 */
final class ParallelReads {

    private ParallelReads() {
    }

    static <T, R> void inOrder(ExecutorService pool, ItemRetry retry, List<T> items, Function<T, R> read,
                               Consumer<R> done, BiConsumer<T, GisServerException> failed) {
        List<Future<R>> reads = new ArrayList<>(items.size());
        for (T item : items) {
            reads.add(pool.submit(() -> retry.call(() -> read.apply(item))));
        }
        for (int i = 0; i < items.size(); i++) {
            try {
                done.accept(reads.get(i).get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GisServerException failure)) {
                    throw new IllegalStateException("Reading the source failed unexpectedly", e.getCause());
                }
                failed.accept(items.get(i), failure);
            } catch (InterruptedException e) {
                reads.forEach(r -> r.cancel(true));
                Thread.currentThread().interrupt();
                throw new CancellationException("harvest interrupted while reading the source");
            }
        }
    }
}
