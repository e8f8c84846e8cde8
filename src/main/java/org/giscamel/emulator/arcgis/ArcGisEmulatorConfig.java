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
    /**
     * Port of the first fresh machine, one that is not yet in a site; the others take the ports after it. 0 picks a
     * free port for each.
     */
    public int freshMachinePort = 0;
    /** How many fresh machines there are, each on its own port. */
    public int freshMachines = 1;
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
    /** The first fresh machine's name; the others are NODE3.EMULATOR.LOCAL, NODE4.EMULATOR.LOCAL and so on. */
    public String freshMachineName = "NODE2.EMULATOR.LOCAL";
    /**
     * Whether the site exists from the start, founded by its first machine. When false, that machine is in no site
     * until it is sent createNewSite.
     */
    public boolean siteCreated = true;
    /** {@code currentbuild} of {@code /admin/info}; real servers report their build number here. */
    public String build = "0";
    /**
     * How long a started machine reports {@code realTimeState} STARTING before STARTED, and how long a stopped one
     * takes to reach STOPPED. Read at every status, so a test may change them while a machine starts or stops.
     */
    public volatile Duration machineStartDelay = Duration.ofSeconds(3);
    public volatile Duration machineStopDelay = Duration.ofSeconds(2);
    /** How long the fresh machine answers HTTP 503 while it "restarts" after joinSite. */
    public Duration joinRestartWindow = Duration.ofSeconds(10);
    /** The {@code pollAfter} seconds joinSite tells the client to wait. */
    public int joinPollAfterSeconds = 10;
    /** How long the site's first machine is unreachable while it restarts after createNewSite. */
    public Duration createRestartWindow = Duration.ofSeconds(10);
    /** The {@code pollAfter} seconds createNewSite tells the client to wait, when its switch has it say so. */
    public int createPollAfterSeconds = 5;
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

    /** The name of fresh machine {@code index} (0 is the first). */
    public String freshMachineName(int index) {
        return index == 0 ? freshMachineName : "NODE" + (index + 2) + ".EMULATOR.LOCAL";
    }

    /** The port of fresh machine {@code index} (0 is the first); 0 picks a free port. */
    public int freshMachinePort(int index) {
        return freshMachinePort == 0 ? 0 : freshMachinePort + index;
    }

    public static ArcGisEmulatorConfig defaults() {
        return new ArcGisEmulatorConfig();
    }

    /** What the GP services take from this site; the switches are read from {@link #variants} as it is then. */
    public GpHost gpHost() {
        return new GpHost(clock, context, new ArcGisVersion(variants.version).number(), () -> variants.resultsLagReads);
    }
}
