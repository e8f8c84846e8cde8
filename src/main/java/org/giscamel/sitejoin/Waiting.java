package org.giscamel.sitejoin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls until something is true, with an interval and a deadline. Sleeps in slices of at most the interval and
 * gives up when the application is stopping, so a shutdown never waits out a long restart window.
 */
final class Waiting {

    /** Waits; the real one is {@link Thread#sleep}. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The answer of one poll: ready with a value, or not yet with what was seen instead. */
    record Poll<T>(T value, String seen) {

        static <T> Poll<T> ready(T value) {
            return new Poll<>(value, null);
        }

        static <T> Poll<T> notYet(String seen) {
            return new Poll<>(null, seen);
        }

        boolean isReady() {
            return seen == null;
        }
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final BooleanSupplier stopping;

    Waiting(Clock clock, Sleeper sleeper, BooleanSupplier stopping) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.stopping = stopping;
    }

    /**
     * Polls first after {@code firstWait} (capped at the deadline), then every {@code interval}, and once more at
     * the deadline itself.
     *
     * @param what what is awaited, for the failure message, e.g. "NODE2 to reach STARTED"
     * @throws SiteJoinStepException when the deadline passes or the application stops
     */
    <T> T until(String what, Duration firstWait, Duration interval, Duration deadline, Supplier<Poll<T>> probe) {
        Instant end = clock.instant().plus(deadline);
        Instant next = min(clock.instant().plus(firstWait), end);
        while (true) {
            sleepUntil(next, interval, what);
            Poll<T> poll = probe.get();
            if (poll.isReady()) {
                return poll.value();
            }
            Instant now = clock.instant();
            if (!now.isBefore(end)) {
                throw new SiteJoinStepException("gave up waiting for " + what + " after " + human(deadline)
                        + " (last seen: " + poll.seen() + ")");
            }
            next = min(now.plus(interval), end);
        }
    }

    private void sleepUntil(Instant until, Duration slice, String what) {
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new SiteJoinStepException("stopped waiting for " + what + ": the application is stopping");
            }
            Duration left = Duration.between(clock.instant(), until);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            try {
                sleeper.sleep(left.compareTo(slice) < 0 ? left : slice);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SiteJoinStepException("interrupted while waiting for " + what);
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** 90s as "1m30s", 500ms as "500ms": the way the gis.* keys are written. */
    static String human(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        String text = (seconds >= 3600 ? seconds / 3600 + "h" : "")
                + (seconds % 3600 >= 60 ? (seconds % 3600) / 60 + "m" : "")
                + (seconds % 60 > 0 ? seconds % 60 + "s" : "");
        return text;
    }
}
