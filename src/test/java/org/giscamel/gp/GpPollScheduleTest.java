package org.giscamel.gp;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpPollScheduleTest {

    private final GpPollSchedule schedule = new GpPollSchedule(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0);

    @Test
    void theFirstStatusRequestComesAfterTheMinimumInterval() {
        assertEquals(1_000, schedule.first());
    }

    @Test
    void eachQuietPollWaitsLongerUpToTheMaximum() {
        assertEquals(2_000, schedule.next(1, OptionalLong.empty()));
        assertEquals(4_000, schedule.next(2, OptionalLong.empty()));
        assertEquals(8_000, schedule.next(3, OptionalLong.empty()));
        assertEquals(10_000, schedule.next(4, OptionalLong.empty()));
        assertEquals(10_000, schedule.next(40, OptionalLong.empty()));
    }

    @Test
    void anEstimatedEndBeforeTheBackedOffPollBringsThePollForwardToHalfTheTimeLeft() {
        assertEquals(3_000, schedule.next(10, OptionalLong.of(6_000)));
        assertEquals(1_500, schedule.next(10, OptionalLong.of(3_000)));
    }

    @Test
    void anEstimateNeverMakesPollsMoreFrequentThanTheMinimumNorLaterThanTheBackoff() {
        assertEquals(1_000, schedule.next(10, OptionalLong.of(10)));
        assertEquals(4_000, schedule.next(2, OptionalLong.of(60_000)));
        assertEquals(10_000, schedule.next(10, OptionalLong.of(60_000)));
    }

    @Test
    void retriesAfterFailuresDoubleFromTheMinimumUpToTheMaximum() {
        assertEquals(1_000, schedule.retry(1));
        assertEquals(2_000, schedule.retry(2));
        assertEquals(8_000, schedule.retry(4));
        assertEquals(10_000, schedule.retry(30));
    }

    @Test
    void theRemainingTimeFollowsTheProgressLinearly() {
        assertEquals(OptionalLong.of(30_000), GpPollSchedule.remaining(10_000, 25));
        assertEquals(OptionalLong.of(2_500), GpPollSchedule.remaining(10_000, 80));
    }

    @Test
    void thereIsNoEstimateWithoutProgressOrTimeExecuting() {
        assertTrue(GpPollSchedule.remaining(10_000, 0).isEmpty());
        assertTrue(GpPollSchedule.remaining(0, 50).isEmpty());
        assertTrue(GpPollSchedule.remaining(10_000, 100).isEmpty());
    }
}
