package org.giscamel.emulator.arcgis.gp;

import org.giscamel.gp.GpJobStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The emulator's and the client's copies of the job statuses (arcgis-rest.md §5.6, §5.7) agree, name for name and code
 * for code: each side keeps its own, so a misspelling on one side fails here rather than being shared.
 */
class EsriJobStatusTest {

    @Test
    void everyStatusHasTheSameWireNameAndCodeOnBothSides() {
        List<String> emulator = Arrays.stream(EsriJobStatus.values()).map(s -> s.code() + " " + s.wireName()).toList();
        List<String> client = Arrays.stream(GpJobStatus.values()).map(s -> s.code() + " " + s.wireName()).toList();

        assertEquals(client, emulator);
        assertEquals(List.of("0 esriJobNew", "4 esriJobSucceeded", "10 esriJobDeleted"),
                List.of(emulator.get(0), emulator.get(4), emulator.get(10)), "the codes of §5.7");
    }

    @Test
    void aJobHasSettledFromSucceededOnExceptWhileCancellingOrDeleting() {
        List<EsriJobStatus> settled = Arrays.stream(EsriJobStatus.values()).filter(EsriJobStatus::isSettled).toList();

        assertEquals(List.of(EsriJobStatus.SUCCEEDED, EsriJobStatus.FAILED, EsriJobStatus.TIMED_OUT,
                EsriJobStatus.CANCELLED, EsriJobStatus.DELETED), settled);
    }
}
