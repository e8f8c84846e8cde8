package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.http.Variants;

/**
 * The ArcGIS Server emulator's answers where no source says what a real server does: each field is one switch,
 * each value one plausible answer ({@link Variants}; keys {@code gis.emulator.arcgis.<kebab-name>}). The
 * {@link #strict()} profile, the default, gives the harshest plausible answer everywhere, {@link #lenient()} the
 * most forgiving one.
 */
public final class ArcGisVariants {

    /** What {@code GET admin/local?f=json} without a token answers on a machine that is in no site. */
    public enum FreshMachineLocal {
        /** {@code {"machineName": ...}}, as if the resource were open before a site exists. */
        NAME,
        /**
         * The admin envelope with the InvalidSiteException text (Esri/arcgis-powershell-dsc #703) and code 500,
         * HTTP 200, as an independently written stand-in answers; no client reads the name before the join.
         */
        INVALID_SITE
    }

    /** How an anonymous services-directory listing treats a secured service at the root. */
    public enum SecuredRootServices {
        /** Listed to everyone; only its own resource asks for a token (499). */
        LISTED,
        /** Left out of an anonymous root listing, silently; listed only with a token. */
        HIDDEN
    }

    /**
     * How a machine is unreachable while it restarts after joinSite or createNewSite (DSC only says "might restart",
     * and waits for the admin URL again after both).
     */
    public enum RestartWindow {
        /** Its web server answers HTTP 503 with an admin envelope. */
        HTTP_503,
        /** Connections are dropped before any reply, as while the service is down. */
        CONNECTION_DROP
    }

    /** Where a machine stands after joinSite, as to clusters; no source says, DSC adds it itself below 10.8. */
    public enum JoinedMachineCluster {
        /** In no cluster: it must be added to one before it can start. */
        NONE,
        /** In the cluster {@code default}, when the site has one (what DSC's skip from 10.8 suggests). */
        DEFAULT
    }

    /** Whether createNewSite's reply says when to poll again; reference §9.2: no source says whether it does. */
    public enum CreateSitePollAfter {
        /** {@code {"status":"success"}} alone; DSC and GITOPS read no more than the status. */
        NONE,
        /** {@code {"status":"success","pollAfter":<seconds>}}, as joinSite answers (DOC:joinsite). */
        SECONDS
    }

    /**
     * What {@code machines/<m>/status} reports while a stop is under way. The doc says stop is symmetric to start,
     * which "can take a while" with the status resource telling the current state (OLD-ADMIN-DOC); no source names
     * a state between STARTED and STOPPED.
     */
    public enum StoppingState {
        /** {@code realTimeState} STOPPING, as start reports STARTING. */
        STOPPING,
        /** {@code realTimeState} stays STARTED until it turns STOPPED; {@code configuredState} is STOPPED at once. */
        STARTED
    }

    /** The Content-Type every JSON reply of the emulated server carries (its {@code f=pjson} stays text/plain). */
    public enum JsonContentType {
        /** {@code application/json;charset=UTF-8}, what a client asking for {@code f=json} expects. */
        APPLICATION_JSON,
        /**
         * {@code text/plain;charset=UTF-8}: some servers and the proxies in front of them label JSON this way;
         * no source pins which do. REST-JS parses the body whatever the label says.
         */
        TEXT_PLAIN
    }

    /** How a generateToken reply spells {@code expires} (epoch milliseconds either way). */
    public enum TokenExpires {
        /** A JSON number, {@code "expires":1737000000000}. */
        NUMBER,
        /** A JSON string of digits, {@code "expires":"1737000000000"}. */
        STRING
    }

    public volatile FreshMachineLocal freshMachineLocal = FreshMachineLocal.INVALID_SITE;
    public volatile SecuredRootServices securedRootServices = SecuredRootServices.HIDDEN;
    public volatile RestartWindow restartWindow = RestartWindow.CONNECTION_DROP;
    public volatile JoinedMachineCluster joinedMachineCluster = JoinedMachineCluster.NONE;
    public volatile CreateSitePollAfter createSitePollAfter = CreateSitePollAfter.NONE;
    public volatile StoppingState stoppingState = StoppingState.STARTED;
    /**
     * The release the emulator claims, as {@code /admin/info} spells it ({@code currentversion} is a string there);
     * {@code /rest/info} and the services directory derive their numeric {@code currentVersion} from it. Clusters
     * are deprecated from 10.8, so tests run the join against 10.6, 10.8.1 and 11.x.
     */
    public volatile String version = "11.1";
    /**
     * How many status reads of a job after it turned {@code esriJobSucceeded} still lack {@code results}; 0 lists
     * them at once. Only inferred: PYAPI re-polls a succeeded job without results up to 5 times with 1..5 s sleeps
     * (reference §5.6, §6.3), so some servers must have answered that way; how many reads it lasts is unknown.
     * Read at each status request, so a change applies to jobs already running.
     */
    public volatile int resultsLagReads = 2;
    /** The label of JSON replies; no source says which servers or proxies send which. */
    public volatile JsonContentType jsonContentType = JsonContentType.TEXT_PLAIN;
    /**
     * {@code expires} of {@code admin/generateToken}: the admin doc's example shows a string (reference §2.3,
     * DOC:generatetoken, OLD-ADMIN-DOC); a number is what the services endpoint sends, which a server may do here too.
     */
    public volatile TokenExpires adminTokenExpires = TokenExpires.STRING;
    /**
     * {@code expires} of {@code tokens/generateToken}: a number in REST-JS's mocks and every client that reads it
     * (reference §2.2); a string, as the admin endpoint documents it, has no source for this endpoint. REST-JS
     * 4.10.2 turns a string into an Invalid Date.
     */
    public volatile TokenExpires servicesTokenExpires = TokenExpires.STRING;

    public static ArcGisVariants strict() {
        return new ArcGisVariants();
    }

    public static ArcGisVariants lenient() {
        ArcGisVariants v = new ArcGisVariants();
        v.freshMachineLocal = FreshMachineLocal.NAME;
        v.securedRootServices = SecuredRootServices.LISTED;
        v.restartWindow = RestartWindow.HTTP_503;
        v.joinedMachineCluster = JoinedMachineCluster.DEFAULT;
        v.createSitePollAfter = CreateSitePollAfter.SECONDS;
        v.stoppingState = StoppingState.STOPPING;
        v.resultsLagReads = 0;
        v.jsonContentType = JsonContentType.APPLICATION_JSON;
        v.adminTokenExpires = TokenExpires.NUMBER;
        v.servicesTokenExpires = TokenExpires.NUMBER;
        return v;
    }

    /** The named profile: {@value Variants#LENIENT} or {@value Variants#STRICT}. */
    public static ArcGisVariants profile(String name) {
        return Variants.LENIENT.equals(Variants.profileName(name)) ? lenient() : strict();
    }
}
