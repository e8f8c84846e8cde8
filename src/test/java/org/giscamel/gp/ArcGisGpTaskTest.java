package org.giscamel.gp;

import org.giscamel.reply.TransientServerException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failed submissions may be repeated without risking a second job on the server. */
class ArcGisGpTaskTest {

    private static TransientServerException reply(int status) {
        return new TransientServerException("submit GP job", status, null, List.of());
    }

    private static TransientServerException noReply(TransientServerException.Reason reason) {
        return new TransientServerException("submit GP job", reason, "host:6443", null);
    }

    @Test
    void aRefusedConnectionOrAnUnavailableServerNeverCreatedTheJob() {
        assertFalse(ArcGisGpTask.mayHaveReachedServer(noReply(TransientServerException.Reason.CONNECTION_REFUSED)));
        assertFalse(ArcGisGpTask.mayHaveReachedServer(reply(503)));
        assertFalse(ArcGisGpTask.mayHaveReachedServer(reply(429)));
    }

    @Test
    void aTimeoutAResetOrAnotherServerErrorMayComeAfterTheJobWasCreated() {
        assertTrue(ArcGisGpTask.mayHaveReachedServer(noReply(TransientServerException.Reason.TIMEOUT)));
        assertTrue(ArcGisGpTask.mayHaveReachedServer(noReply(TransientServerException.Reason.CONNECTION_RESET)));
        assertTrue(ArcGisGpTask.mayHaveReachedServer(reply(500)));
        assertTrue(ArcGisGpTask.mayHaveReachedServer(reply(504)));
    }
}
