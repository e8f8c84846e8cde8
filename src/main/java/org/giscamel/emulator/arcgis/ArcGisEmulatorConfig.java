package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.arcgis.gp.GpHost;
import org.giscamel.emulator.arcgis.gp.GpSettings;

import java.time.Clock;
import java.time.Duration;

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

    /** Machine names are FQDNs on real sites, and clients pass them back in URLs and {@code machineNames}. */
    public String siteMachineName = "SITE1.EMULATOR.LOCAL";
    public String freshMachineName = "NODE2.EMULATOR.LOCAL";
    /** {@code currentbuild} of {@code /admin/info}; real servers report their build number here. */
    public String build = "0";
    /** How long a started machine reports {@code realTimeState} STARTING before STARTED. */
    public Duration machineStartDelay = Duration.ofSeconds(3);
    /** How long the fresh machine answers HTTP 503 while it "restarts" after joinSite. */
    public Duration joinRestartWindow = Duration.ofSeconds(10);
    /** The {@code pollAfter} seconds joinSite tells the client to wait. */
    public int joinPollAfterSeconds = 10;
    /**
     * Makes the fresh machine a member of some other site, so a client can check that it refuses to take over a
     * machine that is already taken: this site's credentials and tokens are then unknown there.
     */
    public boolean freshMachineInAnotherSite = false;
    /** Starts with the demo services directory; false starts with an empty one. */
    public boolean demoCatalog = true;
    /** The answers to unverified behaviours; changeable at run time through {@code /__emulator/variants}. */
    public ArcGisVariants variants = ArcGisVariants.strict();
    /** Geoprocessing timings, outcomes and output sizes. */
    public GpSettings gp = GpSettings.defaults();

    public static ArcGisEmulatorConfig defaults() {
        return new ArcGisEmulatorConfig();
    }

    /** What the GP services take from this site; the switches are read from {@link #variants} as it is then. */
    public GpHost gpHost() {
        return new GpHost(clock, context, new ArcGisVersion(variants.version).number(), () -> variants.resultsLagReads);
    }
}
