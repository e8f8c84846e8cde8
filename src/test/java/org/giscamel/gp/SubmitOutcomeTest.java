package org.giscamel.gp;

import org.giscamel.reply.TransientServerException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failed submissions may be repeated without risking a second job on the server. */
class SubmitOutcomeTest {

    private static TransientServerException reply(int status) {
        return new TransientServerException("submit GP job", status, null, List.of());
    }

    private static TransientServerException noReply(TransientServerException.Reason reason) {
        return new TransientServerException("submit GP job", reason, "host:6443", null);
    }

    @Test
    void aRefusedConnectionOrAnUnavailableServerNeverCreatedTheJob() {
        assertFalse(SubmitOutcome.mayHaveReachedServer(noReply(TransientServerException.Reason.CONNECTION_REFUSED)));
        assertFalse(SubmitOutcome.mayHaveReachedServer(reply(503)));
        assertFalse(SubmitOutcome.mayHaveReachedServer(reply(429)));
    }

    @Test
    void aTimeoutAResetOrAnotherServerErrorMayComeAfterTheJobWasCreated() {
        assertTrue(SubmitOutcome.mayHaveReachedServer(noReply(TransientServerException.Reason.TIMEOUT)));
        assertTrue(SubmitOutcome.mayHaveReachedServer(noReply(TransientServerException.Reason.CONNECTION_RESET)));
        assertTrue(SubmitOutcome.mayHaveReachedServer(reply(500)));
        assertTrue(SubmitOutcome.mayHaveReachedServer(reply(504)));
    }

    @Test
    void onlyASubmissionThatCannotHaveReachedTheServerIsHandedBackForARetry() {
        TransientServerException refused = noReply(TransientServerException.Reason.CONNECTION_REFUSED);

        RuntimeException afterReset = SubmitOutcome.afterTransientFailure(noReply(TransientServerException.Reason.CONNECTION_RESET));

        assertSame(refused, SubmitOutcome.afterTransientFailure(refused));
        GpStepException unknown = assertInstanceOf(GpStepException.class, afterReset);
        assertEquals("submit-outcome-unknown", unknown.failure().reasonCode());
        assertTrue(unknown.failure().reason().contains("it is not sent again"), unknown.failure().reason());
    }
}
