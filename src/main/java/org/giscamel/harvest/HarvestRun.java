package org.giscamel.harvest;

import org.giscamel.iportal.OwnedRegistration;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * One harvest of one source, as it moves through the route's steps (it is the message body): the source walk's
 * snapshot, the owned registrations, the plan, the outcomes, and finally the status and the report. The large
 * inputs are dropped once the plan is made; the plan and the outcomes are what the report needs.
 */
public final class HarvestRun {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final HarvestSource source;
    private final boolean dryRun;
    private final boolean forced;
    private final Instant startedAt;
    private final ExecutorService pool;
    private SourceSnapshot snapshot;
    private List<OwnedRegistration> owned;
    private int servicesRead;
    private int ownedCount;
    private List<UnreadablePart> unreadable = List.of();
    private List<String> visibleOnlyWithToken = List.of();
    private HarvestPlan plan;
    private List<ItemOutcome> outcomes = List.of();
    private RunStatus status;
    private String reason;
    private Instant finishedAt;
    private Path reportFile;

    HarvestRun(HarvestSource source, boolean dryRun, boolean forced, Instant startedAt, ExecutorService pool) {
        this.source = source;
        this.dryRun = dryRun;
        this.forced = forced;
        this.startedAt = startedAt;
        this.pool = pool;
    }

    /** A run that did not start because the previous one of the same source is still going. */
    static HarvestRun skipped(HarvestSource source, boolean dryRun, boolean forced, Instant now) {
        HarvestRun run = new HarvestRun(source, dryRun, forced, now, null);
        run.finish(RunStatus.SKIPPED, "the previous run of this source is still going, so this one did not start", now);
        return run;
    }

    /** Names the run in its report's file name and in log lines (MDC): source and UTC start time. */
    public String id() {
        return source.id() + "-" + STAMP.format(startedAt);
    }

    public HarvestSource source() {
        return source;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean forced() {
        return forced;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The plan; empty until the plan step ran (or when the run broke off before it). */
    public Optional<HarvestPlan> plan() {
        return Optional.ofNullable(plan);
    }

    /** One per planned item once the apply step ran. */
    public List<ItemOutcome> outcomes() {
        return outcomes;
    }

    public List<UnreadablePart> unreadable() {
        return unreadable;
    }

    /** {@code Name/Type} of each harvested service that an anonymous listing does not show. */
    public List<String> visibleOnlyWithToken() {
        return visibleOnlyWithToken;
    }

    /** Null until the run ended. */
    public RunStatus status() {
        return status;
    }

    /** Why the run did not succeed; null when it did. */
    public String reason() {
        return reason;
    }

    public Optional<Path> reportFile() {
        return Optional.ofNullable(reportFile);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public HarvestCounts counts() {
        long failed = outcomes.stream().filter(o -> o.result() == ItemOutcome.Result.FAILED).count();
        long done = outcomes.stream().filter(o -> o.result() == ItemOutcome.Result.DONE).count();
        Optional<HarvestPlan> p = plan();
        return new HarvestCounts(servicesRead, ownedCount, unreadable.size(),
                p.map(x -> x.count(Action.CREATE)).orElse(0L), p.map(x -> x.count(Action.UPDATE)).orElse(0L),
                p.map(x -> x.count(Action.DELETE)).orElse(0L), p.map(x -> x.count(Action.UNCHANGED)).orElse(0L),
                p.map(x -> x.count(Action.KEEP)).orElse(0L), done, failed);
    }

    /** The one line a run logs when it ends. */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("Harvest ").append(source.id()).append(dryRun ? " (dry run) " : " ")
                .append(status);
        if (finishedAt != null && status != RunStatus.SKIPPED) {
            line.append(String.format(Locale.ROOT, " in %.1f s", Duration.between(startedAt, finishedAt).toMillis() / 1000.0));
        }
        if (plan != null) {
            HarvestCounts c = counts();
            line.append(": ").append(c.servicesRead()).append(" services read, ").append(c.owned())
                    .append(" owned registrations; ")
                    .append(dryRun ? "would create " : "create ").append(c.create())
                    .append(", update ").append(c.update()).append(", delete ").append(c.delete())
                    .append(", unchanged ").append(c.unchanged()).append(", kept ").append(c.keep())
                    .append(", failed ").append(c.failed());
        }
        if (reason != null) {
            line.append(" — ").append(reason);
        }
        if (reportFile != null) {
            line.append(" (report ").append(reportFile).append(')');
        }
        return line.toString();
    }

    ExecutorService pool() {
        return pool;
    }

    void sourceRead(SourceSnapshot value) {
        this.snapshot = value;
        this.servicesRead = value.desired().size();
        this.unreadable = value.unreadable();
        this.visibleOnlyWithToken = value.visibleOnlyWithToken();
    }

    void portalRead(List<OwnedRegistration> value) {
        this.owned = value;
        this.ownedCount = value.size();
    }

    SourceSnapshot snapshot() {
        return snapshot;
    }

    List<OwnedRegistration> owned() {
        return owned;
    }

    void planned(HarvestPlan value) {
        this.plan = value;
        this.snapshot = null;
        this.owned = null;
    }

    void applied(List<ItemOutcome> value) {
        this.outcomes = List.copyOf(value);
    }

    void finish(RunStatus value, String why, Instant at) {
        this.status = value;
        this.reason = why;
        this.finishedAt = at;
    }

    void reported(Path file) {
        this.reportFile = file;
    }

    boolean finished() {
        return status != null;
    }
}
