package org.giscamel.gp;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When to ask about a job next. The first status request comes after the minimum interval; each further one
 * waits {@code backoff} times longer, up to the maximum, because a job that has run a while will likely run a
 * while longer. Once the server reports a progress percentage, the poll comes after half the estimated time left
 * if that is sooner: the polls close in on the estimated end instead of overshooting it by up to the maximum.
 */
public final class GpPollSchedule {

    private final long minMillis;
    private final long maxMillis;
    private final double backoff;

    public GpPollSchedule(Duration min, Duration max, double backoff) {
        this.minMillis = min.toMillis();
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.backoff = backoff;
    }

    /** The delay before the first status request. */
    public long first() {
        return minMillis;
    }

    /**
     * @param pollsDone        status requests answered so far
     * @param remainingMillis  the estimated time to completion, when the server reports progress
     */
    public long next(int pollsDone, OptionalLong remainingMillis) {
        long backedOff = grown(pollsDone);
        if (remainingMillis.isPresent()) {
            return Math.max(minMillis, Math.min(backedOff, remainingMillis.getAsLong() / 2));
        }
        return backedOff;
    }

    /** The delay after the {@code attempt}-th failure in a row (1 = the first): doubling, up to the maximum. */
    public long retry(int attempt) {
        double delay = minMillis * Math.pow(2, Math.max(0, attempt - 1));
        return (long) Math.min(maxMillis, delay);
    }

    /**
     * Time left if progress is linear: a job {@code percent} done after executing {@code executingMillis}. Empty
     * below 1 percent, where the estimate would be noise.
     */
    public static OptionalLong remaining(long executingMillis, int percent) {
        if (percent < 1 || percent >= 100 || executingMillis <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(executingMillis * (100 - percent) / percent);
    }

    private long grown(int pollsDone) {
        double delay = minMillis * Math.pow(backoff, Math.max(0, pollsDone));
        return (long) Math.min(maxMillis, delay);
    }
}
