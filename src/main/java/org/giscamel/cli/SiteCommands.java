package org.giscamel.cli;

import org.giscamel.sitejoin.SiteJoinBeans;
import org.giscamel.sitejoin.SiteRun;
import org.giscamel.sitejoin.StepResult;
import org.apache.camel.Exchange;
import org.giscamel.config.ConfigFiles;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the site commands ({@code join-site}, {@code create-site}, {@code leave-site}, {@code reconcile-site}) share:
 * one run of a flow's chain in a one-shot Camel context, and its outcome as a line and an exit code: 0 when the
 * run succeeded, 1 with a line naming the failed step. Option values are read the same way by each.
 */
public final class SiteCommands {

    private SiteCommands() {
    }

    /** A one-shot Camel context with the site flows' beans and the given route files (see {@link OneShotCamel#routeFile}). */
    public static OneShotCamel camel(Map<String, String> overrides, List<String> routeFiles) throws Exception {
        return OneShotCamel.start(ConfigFiles.locate(), overrides, List.of(new SiteJoinBeans()),
                routeFiles.stream().map(OneShotCamel::routeFile).toList());
    }

    /** Sends {@code body} with {@code headers} to the flow's endpoint and waits for the run to end. */
    public static Exchange send(OneShotCamel camel, String endpoint, Object body, Map<String, Object> headers) {
        return camel.producer().send(endpoint, exchange -> {
            exchange.getMessage().setBody(body);
            headers.forEach(exchange.getMessage()::setHeader);
        });
    }

    /**
     * Prints "{@code <command> <summary> (report <file>)}" or, to {@code err}, "{@code <command> failed at step
     * '<step>': <reason> (report <file>)}".
     *
     * @param runProperty the exchange property that holds the flow's {@link SiteRun}
     * @return the exit code: 0 success, 1 failure
     */
    public static int outcome(String command, Exchange result, String runProperty, PrintStream out, PrintStream err) {
        SiteRun<?> run = result.getProperty(runProperty, SiteRun.class);
        String where = run == null ? "" : run.reportFile().map(f -> " (report " + f + ")").orElse("");
        if (result.getException() == null) {
            out.println(command + " " + run.report().summary() + where);
            return 0;
        }
        Optional<StepResult> failed = run == null ? Optional.empty() : run.report().failure();
        err.println(command + " failed" + failed.map(f -> " at step '" + f.step().label() + "': " + f.detail())
                .orElse(": " + StepResult.reason(result.getException())) + where);
        return 1;
    }

    /** The value after an option, which must not be another option. */
    public static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }
}
