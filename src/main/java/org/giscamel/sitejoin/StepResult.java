package org.giscamel.sitejoin;

import org.giscamel.reply.GisServerException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the report.
 *
 * @param attempts how often the step ran; transient failures are retried by the route
 * @param server   what the server answered, for a step that failed on a server's reply
 */
public record StepResult(SiteStep step, StepOutcome outcome, String detail, int attempts, Duration duration,
                         Optional<ServerAnswer> server) {

    /** The HTTP status (0 without a reply), the code of the error envelope and its messages. */
    public record ServerAnswer(int httpStatus, Integer code, List<String> messages) {

        static Optional<ServerAnswer> of(Throwable failure) {
            if (failure instanceof GisServerException e && (e.httpStatus() > 0 || e.serverCode().isPresent())) {
                return Optional.of(new ServerAnswer(e.httpStatus(),
                        e.serverCode().isPresent() ? e.serverCode().getAsInt() : null, e.serverMessages()));
            }
            return Optional.empty();
        }
    }

    static StepResult failed(SiteStep step, Throwable failure, int attempts, Duration duration) {
        return new StepResult(step, StepOutcome.FAILED, reason(failure), attempts, duration, ServerAnswer.of(failure));
    }

    /** The failure in one line; server exceptions already name their call and the server's words. */
    public static String reason(Throwable failure) {
        String message = failure.getMessage();
        return (message == null || message.isBlank() ? failure.getClass().getSimpleName() : message)
                .replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
