package org.giscamel.sitejoin;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a site flow, kept in an exchange property while the route's steps work on it: what the steps found
 * out, how often each step ran, and the report.
 */
public abstract class SiteRun<R extends SiteReport> {

    private final R report;
    private final Map<SiteStep, Integer> attempts = new HashMap<>();
    private Path reportFile;

    SiteRun(R report) {
        this.report = report;
    }

    public R report() {
        return report;
    }

    /** Where the report was last written, once it was. */
    public Optional<Path> reportFile() {
        return Optional.ofNullable(reportFile);
    }

    void reportFile(Path file) {
        reportFile = file;
    }

    synchronized int nextAttempt(SiteStep step) {
        return attempts.merge(step, 1, Integer::sum);
    }

    /** What log lines and messages call the run's subject, e.g. the machine's name once known, else its URL. */
    abstract String label();

    /** The part of the report's file name after the time stamp, e.g. {@code 127.0.0.1-6080}. */
    abstract String fileSubject();
}
