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
        EmbeddedEmulators.Ports ports = EmbeddedEmulators.Ports.from(settings);
        settings.requireValid();
        EmbeddedEmulators emulators = EmbeddedEmulators.start(ports);
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
}
