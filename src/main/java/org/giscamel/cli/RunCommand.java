package org.giscamel.cli;

import org.apache.camel.main.Main;
import org.giscamel.config.ConfigFiles;
import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnections;
import org.giscamel.emulator.EmbeddedEmulators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the Camel application until SIGTERM. Without configured servers (or with {@code --demo}) it first starts
 * the built-in emulators and wires every flow to them.
 */
final class RunCommand implements CommandLine.Command {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    /**
     * Where camel-main finds the configuration classes and route builders: the whole application, named here rather
     * than through the entry point's class so that the commands do not depend on the class that calls them.
     */
    static final String BASE_PACKAGE = "org.giscamel";

    @Override
    public String usage() {
        return "run [--demo]          run the routes (the default command); --demo forces the built-in emulators";
    }

    /**
     * What the application reads before it starts: the management port, and the demo's emulator ports or else
     * the servers. {@code check-config} reads the same.
     *
     * @return how the emulators start, when the demo runs
     */
    static Optional<EmbeddedEmulators.Options> readStartup(GisSettings settings, boolean forceDemo) {
        settings.port("gis.observe.port", 9876);
        if (DemoMode.enabled(settings, forceDemo)) {
            return Optional.of(EmulatorsCommand.options(settings));
        }
        ServerConnections.from(settings);
        return Optional.empty();
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (!args.isEmpty() && !args.equals(List.of("--demo"))) {
            throw new UsageException("Unknown option " + args);
        }
        ConfigFiles files = ConfigFiles.locate();
        GisSettings settings = files.settings();
        Optional<EmbeddedEmulators.Options> demo = readStartup(settings, args.contains("--demo"));
        settings.requireValid();
        EmbeddedEmulators emulators = demo.map(EmbeddedEmulators::start).orElse(null);
        try {
            Main main = new Main();
            main.configure().withBasePackageScan(BASE_PACKAGE);
            main.setPropertyPlaceholderLocations(files.placeholderLocations());
            if (emulators != null) {
                Map<String, String> wiring = emulators.connectionProperties();
                wiring.forEach(main::addOverrideProperty);
                LOG.info("Demo mode: {}", emulators.describe());
            }
            return main.run(new String[0]);
        } finally {
            if (emulators != null) {
                emulators.close();
            }
        }
    }
}
