package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.support.SynchronizationAdapter;
import org.giscamel.inbox.DropGuard;
import org.giscamel.inbox.RefusedDrop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The bean of a site flow's file-drop trigger ({@code siteJoinInbox}, {@code siteCreateInbox},
 * {@code siteLeaveInbox}): a request file ends in {@code done/} or {@code failed/}
 * of the inbox, renamed {@code <stamp>-<name>} so that no earlier file is overwritten, beside its report
 * ({@code .report.json}) and, when it failed, an error note ({@code .error.json}) naming the step and the reason.
 * An entry the route cannot read safely (see {@link DropGuard}) goes to {@code failed/} as
 * {@code <stamp>-<safe name>} with an error note naming the name it was dropped under.
 */
public final class SiteInbox {

    /** Header holding the stamp that the route's {@code move} and {@code moveFailed} put before the file name. */
    public static final String STAMP_HEADER = "GisSiteFileStamp";
    private static final Logger LOG = LoggerFactory.getLogger(SiteInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String flow;
    private final Path inbox;
    private final Clock clock;
    private final String runProperty;

    /**
     * @param flow        the flow's name, for log lines
     * @param runProperty the exchange property that holds the flow's {@link SiteRun}
     */
    SiteInbox(String flow, Path inbox, Clock clock, String runProperty) {
        this.flow = flow;
        this.inbox = inbox;
        this.clock = clock;
        this.runProperty = runProperty;
    }

    /** The inbox route's {@code filter} ({@code siteJoinDropGuard}). */
    DropGuard guard() {
        return new DropGuard(this::refuse);
    }

    /** Stamps the file and arranges for its report to be kept beside it once the run has ended either way. */
    public void accept(Exchange exchange) {
        String stamp = ReportFiles.stamp(clock.instant());
        String kept = stamp + "-" + exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        exchange.getMessage().setHeader(STAMP_HEADER, stamp);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                keep(done, inbox.resolve("done"), kept);
            }

            @Override
            public void onFailure(Exchange failed) {
                keep(failed, inbox.resolve("failed"), kept);
            }
        });
        // checked again now that the file is about to be read: it may have been swapped for a link since the poll
        GenericFile<?> file = exchange.getMessage().getBody(GenericFile.class);
        DropGuard.requireSafe(Path.of(file.getAbsoluteFilePath()));
    }

    private void refuse(RefusedDrop drop) throws IOException {
        Path failed = inbox.resolve("failed");
        String kept = ReportFiles.stamp(clock.instant()) + "-" + drop.storedName();
        Files.createDirectories(failed);
        Files.move(drop.entry(), failed.resolve(kept));
        writeError(failed, kept, JSON.createObjectNode().put("request", kept).put("file", drop.name())
                .put("error", drop.reason()));
        LOG.warn("{} request {} refused; it is kept in {} as {}: {}", flow, drop.name(), failed, kept, drop.reason());
    }

    private void keep(Exchange exchange, Path folder, String kept) {
        SiteRun<?> run = exchange.getProperty(runProperty, SiteRun.class);
        try {
            if (run != null) {
                ReportFiles.write(folder.resolve(kept + ".report.json"), run.report().toJsonText());
            }
            Throwable failure = exchange.getException();
            if (failure != null) {
                ObjectNode error = JSON.createObjectNode().put("request", kept);
                if (run != null) {
                    run.report().failure().ifPresent(f -> error.put("failedStep", f.step().label()));
                }
                error.put("error", StepResult.reason(failure));
                if (run != null) {
                    error.put("report", kept + ".report.json");
                }
                writeError(folder, kept, error);
                LOG.warn("{} request {} failed; it is kept in {}", flow, kept, folder);
            }
        } catch (Exception e) {
            LOG.error("{} request {}: its report could not be kept in {}: {}", flow, kept, folder, e.getMessage());
        }
    }

    private static void writeError(Path folder, String kept, ObjectNode error) throws IOException {
        ReportFiles.write(folder.resolve(kept + ".error.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(error));
    }
}
