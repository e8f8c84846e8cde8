package org.giscamel.cli;

import org.apache.camel.Exchange;
import org.giscamel.config.ConfigFiles;
import org.giscamel.sitejoin.InvalidSiteJoinRequestException;
import org.giscamel.sitejoin.SiteJoinBeans;
import org.giscamel.sitejoin.SiteJoinRequest;
import org.giscamel.sitejoin.SiteJoinRun;
import org.giscamel.sitejoin.StepResult;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.giscamel.cli.SiteCommands.value;

/**
 * {@code join-site --machine URL [--site URL] [--cluster NAME] [--create-cluster]}: runs the join chain once and
 * exits 0 when the machine is in the site (cluster) and STARTED, 1 with a one-line reason naming the failed step,
 * or 2 for bad options or configuration. The site's credentials come from the environment
 * ({@code GIS_ARCGIS_USERNAME}, {@code GIS_ARCGIS_PASSWORD}) or the configuration, never from the command line.
 */
public final class JoinSiteCommand implements CommandLine.Command {

    static final String ROUTE_FILE = "file:routes/site-join.camel.yaml";

    @Override
    public String usage() {
        return "join-site --machine URL [--site URL] [--cluster NAME] [--create-cluster]   join a machine to the "
                + "ArcGIS Server site, add it to the cluster and start it (credentials: GIS_ARCGIS_USERNAME, GIS_ARCGIS_PASSWORD)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args);
        Map<String, String> overrides = new LinkedHashMap<>();
        options.site.ifPresent(site -> overrides.put("gis.arcgis.url", site));
        try (OneShotCamel camel = OneShotCamel.start(ConfigFiles.locate(), overrides, List.of(new SiteJoinBeans()),
                List.of(ROUTE_FILE))) {
            Exchange result = SiteCommands.send(camel, "direct:site-join",
                    options.machine.<Object>map(m -> new SiteJoinRequest(m, options.cluster, options.createCluster))
                            .orElse(null), Map.of());
            return SiteCommands.outcome("join-site", result, SiteJoinRun.PROPERTY, System.out, System.err);
        }
    }

    /** The command line; without --machine the configured gis.site-join.machine-url is joined. */
    private record Options(Optional<URI> machine, Optional<String> site, Optional<String> cluster,
                           Optional<Boolean> createCluster) {

        static Options parse(List<String> args) {
            Optional<URI> machine = Optional.empty();
            Optional<String> site = Optional.empty();
            Optional<String> cluster = Optional.empty();
            Optional<Boolean> create = Optional.empty();
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                try {
                    switch (option) {
                        case "--machine" -> machine = Optional.of(SiteJoinRequest.machineUrl(value(args, ++i, option)));
                        case "--site" -> site = Optional.of(value(args, ++i, option));
                        case "--cluster" -> cluster = Optional.of(SiteJoinRequest.clusterName(value(args, ++i, option)));
                        case "--create-cluster" -> create = Optional.of(true);
                        default -> throw new UsageException("Unknown option " + option);
                    }
                } catch (InvalidSiteJoinRequestException e) {
                    throw new UsageException(option + ": " + e.getMessage());
                }
            }
            return new Options(machine, site, cluster, create);
        }
    }
}
