package org.giscamel.emulator.iportal;

import org.giscamel.emulator.http.Variants;

/**
 * The iPortal emulator's answers where no source says what a real portal does: each field is one switch, each value
 * one plausible answer ({@link Variants}; keys {@code gis.emulator.iportal.<kebab-name>}). The {@link #strict()}
 * profile, the default, gives the harshest plausible answer everywhere, {@link #lenient()} the most forgiving one.
 */
public final class IPortalVariants {

    /**
     * What {@code GET web/services.json} answers a caller without a valid session or token. The reference says only
     * that it lists "the services the current user may view" (iportal-rest.md §3.1); no source shows an anonymous
     * call. A session the portal has dropped (timed out) counts as no session, as a servlet container starts a new one.
     */
    public enum AnonymousList {
        /** HTTP 401 with the portal's error envelope, as for the protected resources. */
        UNAUTHORIZED,
        /**
         * HTTP 200 with a page of what GUEST may view (services shared to GUEST), indistinguishable from a complete
         * listing. Strict: a client that lists without a live session silently sees less, instead of failing.
         */
        GUEST_ONLY
    }

    /**
     * The check iPortal makes at registration that the service "is really available" ("若服务不可用，即不支持注册",
     * iportal-rest.md §3.2). What the check requests and reads is undocumented. Type {@code OTHERS} is never checked.
     */
    public enum RegisterReachability {
        /** No check: any address is registered (for tests that register addresses nothing serves). */
        OFF,
        /** A GET of the address answers with an HTTP status below 400, whatever the body says. */
        LENIENT,
        /**
         * The service answers as a client of its type reads it: an ArcGIS REST address {@code ?f=json} without an
         * error envelope (ArcGIS reports errors with HTTP 200), where a secured service (code 499, token required)
         * passes only if the registration carries {@code tokenRefreshUrl} or {@code credentialId}, iPortal's ways of
         * reaching a protected ArcGIS service (iportal-rest.md §7.2); an OGC address answers
         * {@code SERVICE=<type>&REQUEST=GetCapabilities} with an XML document that is not an exception report;
         * other types answer below HTTP 400 without a JSON error envelope.
         */
        STRICT
    }

    public volatile AnonymousList anonymousList = AnonymousList.GUEST_ONLY;
    public volatile RegisterReachability registerReachability = RegisterReachability.STRICT;

    public static IPortalVariants strict() {
        return new IPortalVariants();
    }

    public static IPortalVariants lenient() {
        IPortalVariants v = new IPortalVariants();
        v.anonymousList = AnonymousList.UNAUTHORIZED;
        v.registerReachability = RegisterReachability.LENIENT;
        return v;
    }

    /** The named profile: {@value Variants#LENIENT} or {@value Variants#STRICT}. */
    public static IPortalVariants profile(String name) {
        return Variants.LENIENT.equals(Variants.profileName(name)) ? lenient() : strict();
    }
}
