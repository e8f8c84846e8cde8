package org.giscamel.cli;

import org.apache.camel.spi.PropertiesComponent;
import org.giscamel.config.ConfigFiles;
import org.giscamel.config.ConfigurationException;
import org.giscamel.config.GisSettings;
import org.giscamel.emulator.EmbeddedEmulators;
import org.giscamel.ops.DocumentedKeys;
import org.giscamel.ops.UnknownKeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the configuration as {@code run} would, through every flow's own reader, and reports every problem at
 * once: unknown keys (typos), bad values and URLs, folders that cannot be used, missing credentials, cron
 * syntax. Nothing is started, opened or created; in demo mode the emulators start on free ports just long enough
 * to give the flows the values the demo would give them.
 */
public final class CheckConfigCommand implements CommandLine.Command {

    @Override
    public String usage() {
        return "check-config          check the configuration and report every problem at once (exit 0 = OK)";
    }

    @Override
    public int run(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("check-config takes no options");
        }
        ConfigFiles files = ConfigFiles.locate();
        PropertiesComponent properties = files.properties();
        Map<String, String> demoWiring = new HashMap<>();
        GisSettings settings = new GisSettings(key ->
                Optional.ofNullable(demoWiring.get(key)).or(() -> properties.resolveProperty(key)));
        boolean demo = RunCommand.readStartup(settings, false).isPresent();
        if (demo) {
            EmbeddedEmulators.Options anyPorts = EmbeddedEmulators.Options.of(new EmbeddedEmulators.Ports(0, 0, 0));
            try (EmbeddedEmulators emulators = EmbeddedEmulators.start(anyPorts)) {
                demoWiring.putAll(emulators.connectionProperties());
            }
        }
        FlowSettings.readAll(settings);
        Set<String> problems = new LinkedHashSet<>(settings.problems());
        problems.addAll(new UnknownKeys(DocumentedKeys.load()).find(properties.loadProperties().stringPropertyNames(),
                System.getProperties().stringPropertyNames(), System.getenv().keySet()));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(new ArrayList<>(problems));
        }
        System.out.println("configuration OK: " + files.applicationProperties()
                + (demo ? " (demo mode: the built-in emulators stand in for ArcGIS Server and iPortal)" : ""));
        return 0;
    }
}
