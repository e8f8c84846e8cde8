package org.giscamel.sitejoin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitingTest {

    /** A clock that only moves when the waiting sleeps, so no test depends on real time. */
    private static final class SleepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }
    }

    private final SleepClock clock = new SleepClock();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Waiting waiting = new Waiting(clock, clock::sleep, stopping::get);

    @Test
    void thePollAfterWaitComesBeforeTheFirstPollInIntervalSlices() {
        List<Instant> polls = new ArrayList<>();

        String value = waiting.until("x", Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(1), () -> {
            polls.add(clock.instant());
            return Waiting.Poll.ready("up");
        });

        assertEquals("up", value);
        assertEquals(List.of(Instant.parse("2026-01-01T00:00:05Z")), polls);
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1)), clock.sleeps);
    }

    @Test
    void pollsEveryIntervalUntilReady() {
        AtomicInteger polls = new AtomicInteger();

        waiting.until("x", Duration.ZERO, Duration.ofSeconds(3), Duration.ofMinutes(1),
                () -> polls.incrementAndGet() < 4 ? Waiting.Poll.notYet("HTTP 503") : Waiting.Poll.ready(true));

        assertEquals(4, polls.get());
        assertEquals(Instant.parse("2026-01-01T00:00:09Z"), clock.instant());
    }

    @Test
    void aPassedDeadlineFailsWithWhatWasLastSeen() {
        SiteJoinStepException e = assertThrows(SiteJoinStepException.class, () -> waiting.until("NODE2 to reach STARTED",
                Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(10), () -> Waiting.Poll.notYet("realTimeState STARTING")));

        assertEquals("gave up waiting for NODE2 to reach STARTED after 10s (last seen: realTimeState STARTING)", e.getMessage());
        assertEquals(Instant.parse("2026-01-01T00:00:10Z"), clock.instant(), "the last poll is at the deadline");
    }

    @Test
    void aFirstWaitLongerThanTheDeadlineStillPollsAtTheDeadline() {
        AtomicInteger polls = new AtomicInteger();

        assertThrows(SiteJoinStepException.class, () -> waiting.until("x", Duration.ofMinutes(10), Duration.ofSeconds(1),
                Duration.ofSeconds(3), () -> {
                    polls.incrementAndGet();
                    return Waiting.Poll.notYet("HTTP 503");
                }));

        assertEquals(1, polls.get());
    }

    @Test
    void aStoppingApplicationEndsTheWait() {
        stopping.set(true);

        SiteJoinStepException e = assertThrows(SiteJoinStepException.class, () -> waiting.until("x", Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(1), () -> Waiting.Poll.ready(true)));

        assertTrue(e.getMessage().contains("the application is stopping"), e.getMessage());
    }

    @Test
    void durationsAreWrittenAsTheKeysAre() {
        assertEquals("500ms", Waiting.human(Duration.ofMillis(500)));
        assertEquals("1m30s", Waiting.human(Duration.ofSeconds(90)));
        assertEquals("2h", Waiting.human(Duration.ofHours(2)));
    }
}
