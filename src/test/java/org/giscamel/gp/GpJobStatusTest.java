package org.giscamel.gp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GpJobStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // wire name,        code, stopsPolling, settled, success, canCancel
            "esriJobNew,            0, false, false, false, false",
            "esriJobSubmitted,      1, false, false, false, false",
            "esriJobWaiting,        2, false, false, false, true",
            "esriJobExecuting,      3, false, false, false, true",
            "esriJobSucceeded,      4, true,  true,  true,  false",
            "esriJobFailed,         5, true,  true,  false, false",
            "esriJobTimedOut,       6, true,  true,  false, false",
            "esriJobCancelling,     7, true,  false, false, false",
            "esriJobCancelled,      8, true,  true,  false, false",
            "esriJobDeleting,       9, true,  false, false, false",
            "esriJobDeleted,       10, true,  true,  false, false"})
    void mapsEveryWireNameToItsArcpyCode(String wire, int code, boolean stopsPolling, boolean settled,
                                         boolean success, boolean canCancel) {
        GpJobStatus status = GpJobStatus.from(wire);

        assertEquals(code, status.code());
        assertEquals(wire, status.wireName());
        assertEquals(stopsPolling, status.stopsPolling(), "stopsPolling");
        assertEquals(settled, status.isSettled(), "isSettled");
        assertEquals(success, status.isSuccess(), "isSuccess");
        assertEquals(canCancel, status.canCancel(), "canCancel");
        assertSame(status, GpJobStatus.fromCode(code));
    }

    @Test
    void coversExactlyTheCodesZeroToTen() {
        GpJobStatus[] all = GpJobStatus.values();
        assertEquals(11, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i].code());
        }
    }

    @Test
    void notebookServersExpectedFailureIsAFailureAsInRestJs() {
        assertSame(GpJobStatus.FAILED, GpJobStatus.from("expectedFailure"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"esriJobPaused", "succeeded", "  "})
    void unknownOrMissingStatusIsAFailureSoPollingEnds(String wire) {
        assertSame(GpJobStatus.FAILED, GpJobStatus.from(wire));
    }

    @Test
    void wireNamesAreMatchedIgnoringCaseAndSurroundingSpace() {
        assertSame(GpJobStatus.SUCCEEDED, GpJobStatus.from(" ESRIJOBSUCCEEDED "));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11})
    void aCodeOutsideZeroToTenIsRejected(int code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpJobStatus.fromCode(code));
        assertEquals("No GP job status has code " + code + " (expected 0 to 10)", e.getMessage());
    }
}
