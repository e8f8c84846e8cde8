package org.giscamel.cli;

import org.giscamel.config.ConfigFiles;
import org.giscamel.config.GisSettings;
import org.giscamel.emulator.EmbeddedEmulators;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs only the emulators, printing their URLs, until interrupted. */
final class EmulatorsCommand implements CommandLine.Command {

    @Override
    public String usage() {
        return "emulators             run only the ArcGIS Server and iPortal emulators (ports from gis.emulator.*)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageException("emulators takes no options");
        }
        ConfigFiles files = ConfigFiles.locate();
        GisSettings settings = files.settings();
        EmbeddedEmulators.Options options = options(settings);
        settings.requireValid();
        EmbeddedEmulators emulators = EmbeddedEmulators.start(options);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulators.close();
            stop.countDown();
        }));
        System.out.println(emulators.describe());
        System.out.println("Press Ctrl+C to stop.");
        stop.await();
        return 0;
    }

    /** The emulators' ports, profile and single switches from {@code gis.emulator.*}; problems go to settings. */
    static EmbeddedEmulators.Options options(GisSettings settings) {
        EmbeddedEmulators.Ports ports = new EmbeddedEmulators.Ports(settings.port("gis.emulator.arcgis-port", 16080),
                settings.port("gis.emulator.fresh-machine-port", 16081),
                settings.port("gis.emulator.iportal-port", 18190),
                settings.integer("gis.emulator.fresh-machines", 2, 1, 20));
        return EmbeddedEmulators.options(ports, settings::optional, settings::problem);
    }
}
