package org.giscamel.emulator.iportal;

import java.time.Clock;
import java.time.Duration;

/** Settings of the iPortal emulator. Defaults suit the demo; tests shorten the timings or swap the clock. */
public final class IPortalEmulatorConfig {

    /** 0 picks a free port (real iPortal listens on 8190). */
    public int port = 0;
    /** Web context, as in {@code http://host:8190/iportal}. */
    public String context = "iportal";
    /** The portal administrator: sees and edits every registration. */
    public PortalAccount admin = new PortalAccount("admin", "iportal-admin-secret", true);
    /** A creator-type user with the PORTAL_USER role, as a harvester would log in. */
    public PortalAccount user = new PortalAccount("harvester", "harvester-secret", false);
    /** Lifetime of a token whose request gives no {@code expiration}; iClient's default is 60. */
    public long defaultTokenMinutes = 60;
    /** Longer token requests are clamped silently to this. */
    public long maxTokenMinutes = 14 * 24 * 60;
    /** Lifetime of a login session, counted from the login (Tomcat's default session timeout is 30 minutes). */
    public long sessionMinutes = 30;
    /** Page size of {@code /web/services} when none is asked for, as documented. */
    public int defaultPageSize = 9;
    /** Page size of the gateway resource search when none is asked for (iClient's default). */
    public int defaultSearchPageSize = 12;
    /** How long the registration check of a service address ({@link IPortalVariants#registerReachability}) waits. */
    public Duration linkageCheckTimeout = Duration.ofSeconds(5);
    /** Service audit: when on, services registered by non-administrators start as UNCHECKED. */
    public boolean serviceAudit = false;
    /** The answers to unverified behaviours; changeable at run time through {@code /__emulator/variants}. */
    public IPortalVariants variants = IPortalVariants.strict();
    public Clock clock = Clock.systemUTC();

    public static IPortalEmulatorConfig defaults() {
        return new IPortalEmulatorConfig();
    }
}
