package org.giscamel.sitejoin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs the steps of one site flow the same way: each step's outcome and duration go into the run's report and the
 * log; a failed step writes the report at once and rethrows, so the route's error handling retries transient
 * failures and the report on disk always shows the latest state.
 */
final class StepRunner {

    /** One step's work; {@code attempt} is 1 on the first run, higher when the route retries it. */
    @FunctionalInterface
    interface StepWork {
        Completion run(int attempt);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final String flow;
    private final Clock clock;
    private final Path reportDir;
    private final int reportsKept;

    /** @param flow the flow's name, which starts its log lines and its report files' names */
    StepRunner(String flow, Clock clock, Path reportDir) {
        this(flow, clock, reportDir, 0);
    }

    /** @param reportsKept how many of the flow's newest reports to keep; 0 keeps them all */
    StepRunner(String flow, Clock clock, Path reportDir, int reportsKept) {
        this.flow = flow;
        this.clock = clock;
        this.reportDir = reportDir;
        this.reportsKept = reportsKept;
    }

    Instant now() {
        return clock.instant();
    }

    void perform(SiteRun<?> run, SiteStep step, StepWork work) {
        int attempt = run.nextAttempt(step);
        Instant started = clock.instant();
        try {
            Completion completion = work.run(attempt);
            Duration took = Duration.between(started, clock.instant());
            run.report().record(new StepResult(step, completion.outcome(), completion.detail(), attempt, took, Optional.empty()));
            LOG.info("{} {}: {} {} - {} ({} ms)", flow, run.label(), step.label(), completion.outcome().label(),
                    completion.detail(), took.toMillis());
        } catch (RuntimeException e) {
            run.report().record(StepResult.failed(step, e, attempt, Duration.between(started, clock.instant())));
            LOG.warn("{} {}: {} failed (attempt {}) - {}", flow, run.label(), step.label(), attempt, StepResult.reason(e));
            try {
                write(run);
            } catch (RuntimeException unwritable) {
                LOG.error("{} {}: the report could not be written: {}", flow, run.label(), unwritable.getMessage());
            }
            throw e;
        }
    }

    /** Finishes the report and writes it, to the same file on every write of one run. */
    Path write(SiteRun<?> run) {
        run.report().finish(clock.instant());
        Path file = run.reportFile().orElseGet(() -> reportDir.resolve(
                flow + "-" + ReportFiles.stamp(run.report().startedAt()) + "-" + run.fileSubject() + ".json").toAbsolutePath());
        ReportFiles.write(file, run.report().toJsonText());
        run.reportFile(file);
        if (reportsKept > 0) {
            ReportFiles.keepNewest(file.getParent(), flow + "-", reportsKept);
        }
        return file;
    }

    /** Writes the report and logs its summary; the last step of every flow. */
    Path finish(SiteRun<?> run) {
        Path file = write(run);
        LOG.info("{} {}: {} (report {})", flow, run.label(), run.report().summary(), file);
        return file;
    }
}
