package org.giscamel.cli;

import org.giscamel.sitejoin.InvalidSiteJoinRequestException;
import org.giscamel.sitejoin.SiteCreateRequest;
import org.giscamel.sitejoin.SiteCreateRun;
import org.giscamel.sitejoin.SiteJoinRequest;
import org.apache.camel.Exchange;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.giscamel.cli.SiteCommands.value;

/**
 * {@code create-site [--machine URL] [--config-store PATH] [--directories-root PATH]}: runs the create chain once
 * and exits 0 when the site exists and answers the administrator's token (created now, or before), 1 with a line
 * naming the failed step, 2 for bad options or configuration. The administrator to create is
 * {@code GIS_ARCGIS_USERNAME} with {@code GIS_ARCGIS_PASSWORD}, never given on the command line.
 */
public final class CreateSiteCommand implements CommandLine.Command {

    @Override
    public String usage() {
        return "create-site [--machine URL] [--config-store PATH] [--directories-root PATH]   create the ArcGIS Server "
                + "site on a machine in no site (default gis.arcgis.url; administrator: GIS_ARCGIS_USERNAME, GIS_ARCGIS_PASSWORD)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        SiteCreateRequest request = parse(args);
        try (OneShotCamel camel = SiteCommands.camel(Map.of(), List.of("site-create.camel.yaml"))) {
            Exchange result = SiteCommands.send(camel, "direct:site-create", request, Map.of());
            return SiteCommands.outcome("create-site", result, SiteCreateRun.PROPERTY, System.out, System.err);
        }
    }

    static SiteCreateRequest parse(List<String> args) {
        Optional<URI> machine = Optional.empty();
        Optional<String> store = Optional.empty();
        Optional<String> root = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            try {
                switch (option) {
                    case "--machine" -> machine = Optional.of(SiteJoinRequest.machineUrl(value(args, ++i, option)));
                    case "--config-store" -> store = Optional.of(SiteCreateRequest.folder(option, value(args, ++i, option)));
                    case "--directories-root" -> root = Optional.of(SiteCreateRequest.folder(option, value(args, ++i, option)));
                    default -> throw new UsageException("Unknown option " + option);
                }
            } catch (InvalidSiteJoinRequestException e) {
                throw new UsageException(option + ": " + e.getMessage());
            }
        }
        return new SiteCreateRequest(machine, store, root);
    }
}
