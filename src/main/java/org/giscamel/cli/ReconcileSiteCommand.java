package org.giscamel.cli;

import org.giscamel.sitejoin.PlannedStep;
import org.giscamel.sitejoin.SiteReconcileReport;
import org.giscamel.sitejoin.SiteReconcileRun;
import org.giscamel.sitejoin.SiteReconcileSteps;
import org.apache.camel.Exchange;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.giscamel.cli.SiteCommands.value;

/**
 * {@code reconcile-site [--dry-run] [--declaration FILE]}: one reconcile of the declared site, through the same
 * route as the schedule. Prints each step of the plan with what became of it, then the summary; exits 0 when the
 * site is as declared (or, for a dry run, when the plan was made), 1 with a line naming the failed step.
 */
public final class ReconcileSiteCommand implements CommandLine.Command {

    private final PrintStream out;

    public ReconcileSiteCommand() {
        this(System.out);
    }

    ReconcileSiteCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String usage() {
        return "reconcile-site [--dry-run] [--declaration FILE]   make the ArcGIS Server site as declared "
                + "(gis.site.declaration): join, add to cluster, start, leave; --dry-run prints the plan and changes nothing";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--dry-run" -> dryRun = true;
                case "--declaration" -> overrides.put("gis.site.declaration", value(args, ++i, option));
                default -> throw new UsageException("Unknown option " + option);
            }
        }
        try (OneShotCamel camel = SiteCommands.camel(overrides,
                List.of("site-join.camel.yaml", "site-leave.camel.yaml", "site-reconcile.camel.yaml"))) {
            Exchange result = SiteCommands.send(camel, "direct:site-reconcile", null,
                    Map.of(SiteReconcileSteps.DRY_RUN, dryRun));
            SiteReconcileRun run = result.getProperty(SiteReconcileRun.PROPERTY, SiteReconcileRun.class);
            if (run != null) {
                run.report().items().forEach(item -> out.println(line(item)));
            }
            return SiteCommands.outcome("reconcile-site", result, SiteReconcileRun.PROPERTY, out, System.err);
        }
    }

    /** "join      done          http://node3:6080/arcgis/admin — declared, and not a machine of the site". */
    static String line(SiteReconcileReport.Item item) {
        PlannedStep step = item.step();
        String who = step.machineName() != null ? step.machineName() : step.adminUrl();
        return String.format("%-14s %-12s %s%s — %s%s", step.action().label(), item.outcome().label(), who,
                step.cluster() == null ? "" : " [cluster " + step.cluster() + "]", step.reason(),
                item.error().map(e -> " — " + item.failedStep().map(f -> f + ": ").orElse("") + e).orElse(""));
    }
}
