package org.giscamel.emulator.arcgis;

import java.time.Clock;

/**
 * Settings of the ArcGIS Server emulator. Defaults suit the demo; tests shorten the timings.
 * Each concern keeps its own settings object so the emulator's parts stay independent.
 */
public final class ArcGisEmulatorConfig {

    /** Port of the site's first machine; 0 picks a free port. */
    public int sitePort = 0;
    /** Port of the fresh machine that is not yet in a site; 0 picks a free port. */
    public int freshMachinePort = 0;
    /** Web context, as in {@code http://host:6080/arcgis}. */
    public String context = "arcgis";
    /** The primary site administrator. */
    public String username = "siteadmin";
    public String password = "siteadmin-secret";
    /** Lifetime given when a client asks for none, and the cap applied silently to longer requests. */
    public long defaultTokenMinutes = 60;
    public long maxTokenMinutes = 24 * 60;
    public Clock clock = Clock.systemUTC();

    public static ArcGisEmulatorConfig defaults() {
        return new ArcGisEmulatorConfig();
    }
}
