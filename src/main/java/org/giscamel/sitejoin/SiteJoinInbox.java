package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The file-drop trigger's bean ({@code siteJoinInbox}): a request file ends in {@code done/} or {@code failed/}
 * of the inbox, renamed {@code <stamp>-<name>} so that no earlier file is overwritten, beside its report
 * ({@code .report.json}) and, when it failed, an error note ({@code .error.json}) naming the step and the reason.
 */
public final class SiteJoinInbox {

    /** Header holding the stamp that the route's {@code move} and {@code moveFailed} put before the file name. */
    public static final String STAMP_HEADER = "GisSiteJoinFileStamp";
    private static final Logger LOG = LoggerFactory.getLogger(SiteJoinInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path inbox;
    private final Clock clock;

    SiteJoinInbox(Path inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
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
    }

    private void keep(Exchange exchange, Path folder, String kept) {
        SiteJoinRun run = exchange.getProperty(SiteJoinRun.PROPERTY, SiteJoinRun.class);
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
                ReportFiles.write(folder.resolve(kept + ".error.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(error));
                LOG.warn("site-join request {} failed; it is kept in {}", kept, folder);
            }
        } catch (Exception e) {
            LOG.error("site-join request {}: its report could not be kept in {}: {}", kept, folder, e.getMessage());
        }
    }
}
