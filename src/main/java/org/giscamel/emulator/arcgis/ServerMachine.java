package org.giscamel.emulator.arcgis;

import java.time.Instant;

/**
 * One emulated ArcGIS Server machine: its name, the loopback URL it really listens on, and the parts of its
 * standing towards the site that belong to the machine rather than to the site.
 */
final class ServerMachine {

    /** How the machine stands towards the emulated site at a given moment. */
    enum Participation { IN_SITE, RESTARTING, NOT_IN_SITE, IN_ANOTHER_SITE }

    private final String name;
    private volatile boolean inAnotherSite;
    private volatile String contextUrl;
    private volatile Instant restartingUntil = Instant.MIN;

    ServerMachine(String name, boolean inAnotherSite) {
        this.name = name;
        this.inAnotherSite = inAnotherSite;
    }

    /** Records the URL once the server is bound, since port 0 is resolved only then. */
    void bind(String contextUrl) {
        this.contextUrl = contextUrl;
    }

    String name() {
        return name;
    }

    boolean inAnotherSite() {
        return inAnotherSite;
    }

    /** After createNewSite on a machine other than the site's first: it is now in a site of its own. */
    void joinAnotherSite() {
        inAnotherSite = true;
    }

    /** {@code http://127.0.0.1:<port>/arcgis} */
    String contextUrl() {
        return contextUrl;
    }

    String adminUrl() {
        return contextUrl + "/admin";
    }

    void restartUntil(Instant until) {
        this.restartingUntil = until;
    }

    boolean restarting(Instant now) {
        return now.isBefore(restartingUntil);
    }
}
