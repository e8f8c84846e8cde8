package org.giscamel.cli;

import org.giscamel.sitejoin.InvalidSiteJoinRequestException;
import org.giscamel.sitejoin.SiteJoinRequest;
import org.giscamel.sitejoin.SiteLeaveRequest;
import org.giscamel.sitejoin.SiteLeaveRun;
import org.apache.camel.Exchange;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.giscamel.cli.SiteCommands.value;

/**
 * {@code leave-site (--machine URL | --machine-name NAME) [--site URL] [--force]}: runs the leave chain once and
 * exits 0 when the machine is out of the site (now, or before), 1 with a line naming the failed step (a guard that
 * refused is one), 2 for bad options or configuration. {@code --force} overrides only the guard that keeps the only
 * started machine of a cluster.
 */
public final class LeaveSiteCommand implements CommandLine.Command {

    @Override
    public String usage() {
        return "leave-site (--machine URL | --machine-name NAME) [--site URL] [--force]   take a machine out of the "
                + "ArcGIS Server site: stop, remove from its cluster, unregister (guards: not the last machine, not "
                + "the one at gis.arcgis.url, not the only started one of its cluster unless --force)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Optional<URI> machine = Optional.empty();
        Optional<String> name = Optional.empty();
        Map<String, String> overrides = new LinkedHashMap<>();
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            try {
                switch (option) {
                    case "--machine" -> machine = Optional.of(SiteJoinRequest.machineUrl(value(args, ++i, option)));
                    case "--machine-name" -> name = Optional.of(SiteLeaveRequest.machineName(value(args, ++i, option)));
                    case "--site" -> overrides.put("gis.arcgis.url", value(args, ++i, option));
                    case "--force" -> force = true;
                    default -> throw new UsageException("Unknown option " + option);
                }
            } catch (InvalidSiteJoinRequestException e) {
                throw new UsageException(option + ": " + e.getMessage());
            }
        }
        SiteLeaveRequest request;
        try {
            request = new SiteLeaveRequest(machine, name, force);
        } catch (InvalidSiteJoinRequestException e) {
            throw new UsageException(e.getMessage());
        }
        try (OneShotCamel camel = SiteCommands.camel(overrides, List.of("site-leave.camel.yaml"))) {
            Exchange result = SiteCommands.send(camel, "direct:site-leave", request, Map.of());
            return SiteCommands.outcome("leave-site", result, SiteLeaveRun.PROPERTY, System.out, System.err);
        }
    }
}
