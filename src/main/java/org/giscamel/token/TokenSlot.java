package org.giscamel.token;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The cached token of one (kind, server, user). Concurrent callers that find it stale share one refresh: the
 * first starts it, the others wait for its outcome, success or failure.
 */
final class TokenSlot {

    private IssuedToken token;
    private CompletableFuture<IssuedToken> refreshing;

    /** The cached token if {@code usable}, otherwise the outcome of the (shared) refresh. */
    IssuedToken current(Predicate<IssuedToken> usable, Supplier<IssuedToken> refresh) {
        CompletableFuture<IssuedToken> mine = new CompletableFuture<>();
        CompletableFuture<IssuedToken> running;
        synchronized (this) {
            if (token != null && usable.test(token)) {
                return token;
            }
            running = refreshing;
            if (running == null) {
                refreshing = mine;
            }
        }
        if (running != null) {
            return await(running);
        }
        try {
            IssuedToken fresh = refresh.get();
            synchronized (this) {
                token = fresh;
                refreshing = null;
            }
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error failure) {
            synchronized (this) {
                refreshing = null;
            }
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    /** Forgets {@code rejected}, unless another caller has already replaced it with a newer token. */
    synchronized void invalidate(IssuedToken rejected) {
        if (token == rejected) {
            token = null;
        }
    }

    synchronized void clear() {
        token = null;
    }

    private static IssuedToken await(CompletableFuture<IssuedToken> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
