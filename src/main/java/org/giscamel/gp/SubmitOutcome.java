package org.giscamel.gp;

import org.giscamel.reply.TransientServerException;

/**
 * What a failed submission means for sending it again, for every backend: a job must never be created twice on a
 * server, so a submission whose request may have reached the server is not retried.
 */
final class SubmitOutcome {

    private SubmitOutcome() {
    }

    /**
     * The failure to throw: {@code e} itself (retried by the route) when the server cannot have created the job,
     * else a permanent failure that tells the user to check the server before dropping the file again.
     */
    static RuntimeException afterTransientFailure(TransientServerException e) {
        if (!mayHaveReachedServer(e)) {
            return e;
        }
        return new GpStepException(new GpFailure(e.step(), e.getMessage() + "; the server may have received the job, "
                + "so it is not sent again: check the server, then drop the file again if needed",
                "submit-outcome-unknown", e.httpStatus(), null, e.serverMessages()));
    }

    /**
     * Only a refused connection or a server that says it is unavailable (503, 429) proves the job was not
     * created; a timeout, a reset or another 5xx may come after the server accepted it.
     */
    static boolean mayHaveReachedServer(TransientServerException e) {
        return switch (e.reason()) {
            case CONNECTION_REFUSED -> false;
            case SERVER_ERROR -> e.httpStatus() != 503 && e.httpStatus() != 429;
            case TIMEOUT, CONNECTION_RESET -> true;
        };
    }
}
