package org.giscamel.cli;

import org.apache.camel.CamelExecutionException;
import org.giscamel.config.ConfigFiles;
import org.giscamel.config.GisSettings;
import org.giscamel.harvest.Action;
import org.giscamel.harvest.HarvestFlowSettings;
import org.giscamel.harvest.HarvestConfiguration;
import org.giscamel.harvest.HarvestRun;
import org.giscamel.harvest.HarvestSteps;
import org.giscamel.harvest.ItemOutcome;
import org.giscamel.harvest.PlannedItem;
import org.giscamel.harvest.RunStatus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code harvest [--dry-run] [--force] [--source <id>]}: one run of each source (or of one), through the same
 * route as the schedule. Prints each planned change and the summary; exits 0 only when every run SUCCEEDED.
 */
public final class HarvestCommand implements CommandLine.Command {

    private final PrintStream out;

    public HarvestCommand() {
        this(System.out);
    }

    HarvestCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String usage() {
        return "harvest [--dry-run] [--force] [--source ID]   register the sources' ArcGIS or OGC services in iPortal once"
                + " (each source, or one); --dry-run prints the plan and changes nothing, --force overrides the delete guard";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args);
        ConfigFiles files = ConfigFiles.locate();
        GisSettings settings = files.settings();
        HarvestFlowSettings config = HarvestFlowSettings.read(settings, true);
        settings.requireValid();
        List<String> sources = options.source == null ? List.copyOf(config.sources().keySet()) : List.of(options.source);
        try {
            sources.forEach(config::source);
        } catch (IllegalArgumentException unknownSource) {
            throw new UsageException(unknownSource.getMessage());
        }
        String routes = OneShotCamel.routeFile("harvest.camel.yaml");
        boolean allSucceeded = true;
        try (OneShotCamel camel = OneShotCamel.start(files, Map.of(), List.of(new HarvestConfiguration(true)),
                List.of(routes))) {
            for (String source : sources) {
                HarvestRun run = run(camel, source, options);
                print(run);
                allSucceeded &= run.status() == RunStatus.SUCCEEDED;
            }
        }
        return allSucceeded ? 0 : 1;
    }

    private static HarvestRun run(OneShotCamel camel, String source, Options options) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(HarvestSteps.DRY_RUN, options.dryRun);
        headers.put(HarvestSteps.FORCE, options.force);
        try {
            return camel.producer().requestBodyAndHeaders("direct:harvest-" + source, null, headers, HarvestRun.class);
        } catch (CamelExecutionException e) {
            // The route already wrote the FAILED report and logged it; the command reports the cause.
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void print(HarvestRun run) {
        for (ItemOutcome outcome : run.outcomes()) {
            PlannedItem item = outcome.item();
            if (item.action() == Action.UNCHANGED) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("%-9s %-9s %s", item.action(), outcome.result(),
                    item.label()));
            if (outcome.registrationId() != null) {
                line.append(" [registration ").append(outcome.registrationId()).append(']');
            }
            if (item.note() != null) {
                line.append(" — ").append(item.note());
            }
            if (outcome.error() != null) {
                line.append(" — ").append(outcome.error());
            }
            out.println(line);
        }
        out.println(run.summaryLine());
    }

    /** The parsed command line. */
    private record Options(boolean dryRun, boolean force, String source) {

        static Options parse(List<String> args) {
            boolean dryRun = false;
            boolean force = false;
            String source = null;
            List<String> rest = new ArrayList<>(args);
            while (!rest.isEmpty()) {
                String arg = rest.remove(0);
                switch (arg) {
                    case "--dry-run" -> dryRun = true;
                    case "--force" -> force = true;
                    case "--source" -> {
                        if (rest.isEmpty()) {
                            throw new UsageException("--source needs a source id");
                        }
                        source = rest.remove(0);
                    }
                    default -> throw new UsageException("Unknown option " + arg);
                }
            }
            return new Options(dryRun, force, source);
        }
    }
}
