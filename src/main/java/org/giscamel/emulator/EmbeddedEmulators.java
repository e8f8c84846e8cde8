package org.giscamel.emulator;

import org.giscamel.config.GisSettings;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both emulators started together on loopback, for the demo and for {@code java -jar ... emulators}, with the
 * {@code gis.*} properties that wire the application to them.
 */
public final class EmbeddedEmulators implements AutoCloseable {

    /** The loopback ports, read from {@code gis.emulator.*}; 0 picks a free port. */
    public record Ports(int arcgisSite, int arcgisFreshMachine, int iportal) {
        public static Ports from(GisSettings settings) {
            return new Ports(settings.port("gis.emulator.arcgis-port", 16080),
                    settings.port("gis.emulator.fresh-machine-port", 16081),
                    settings.port("gis.emulator.iportal-port", 18190));
        }
    }

    private final ArcGisEmulator arcgis;
    private final IPortalEmulator iportal;

    private EmbeddedEmulators(ArcGisEmulator arcgis, IPortalEmulator iportal) {
        this.arcgis = arcgis;
        this.iportal = iportal;
    }

    public static EmbeddedEmulators start(Ports ports) {
        ArcGisEmulatorConfig arcgisConfig = ArcGisEmulatorConfig.defaults();
        arcgisConfig.sitePort = ports.arcgisSite();
        arcgisConfig.freshMachinePort = ports.arcgisFreshMachine();
        IPortalEmulatorConfig iportalConfig = IPortalEmulatorConfig.defaults();
        iportalConfig.port = ports.iportal();
        ArcGisEmulator arcgis = null;
        try {
            arcgis = ArcGisEmulator.start(arcgisConfig);
            return new EmbeddedEmulators(arcgis, IPortalEmulator.start(iportalConfig));
        } catch (IOException e) {
            if (arcgis != null) {
                arcgis.close();
            }
            throw new UncheckedIOException("Could not start the emulators (is a gis.emulator.* port in use?)", e);
        }
    }

    public ArcGisEmulator arcgis() {
        return arcgis;
    }

    public IPortalEmulator iportal() {
        return iportal;
    }

    /** The gis.* values that point every flow at the emulators, including their built-in accounts. */
    public Map<String, String> connectionProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gis.arcgis.url", arcgis.siteUrl());
        p.put("gis.arcgis.username", arcgis.config().username);
        p.put("gis.arcgis.password", arcgis.config().password);
        // The site-join demo: join the fresh machine once at start-up, into the site's cluster "default".
        p.put("gis.site-join.machine-url", arcgis.freshMachineUrl());
        p.put("gis.site-join.cluster", org.giscamel.emulator.arcgis.ArcGisSite.DEFAULT_CLUSTER);
        // The GP demo: the sample drop runs once at start-up. The emulator forgets its jobs when it stops, so the
        // demo's job store is kept in memory too: a later run must not resume or deduplicate against dead jobs.
        p.put("gis.gp.demo-drop", "true");
        p.put("gis.gp.store-url", "jdbc:h2:mem:gp-demo;DB_CLOSE_DELAY=-1");
        p.put("gis.iportal.url", iportal.url());
        p.put("gis.iportal.username", iportal.config().user.username());
        p.put("gis.iportal.password", iportal.config().user.password());
        return p;
    }

    /** Where the emulators listen, for the log and the console; no passwords. */
    public String describe() {
        return "ArcGIS Server emulator: site " + arcgis.siteUrl() + " (admin " + arcgis.siteUrl() + "/admin, services "
                + arcgis.siteUrl() + "/rest/services), fresh machine not yet in a site " + arcgis.freshMachineUrl()
                + "; iPortal emulator: " + iportal.url() + " (services " + iportal.url() + "/web/services.json)";
    }

    @Override
    public void close() {
        iportal.close();
        arcgis.close();
    }
}
