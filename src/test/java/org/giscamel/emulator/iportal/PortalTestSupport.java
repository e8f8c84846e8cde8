package org.giscamel.emulator.iportal;

import org.giscamel.testing.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.net.URI;

/** Starts a fresh portal per test, on a free port with a movable clock, and offers login and registration helpers. */
abstract class PortalTestSupport {

    protected final MutableClock clock = new MutableClock();
    protected IPortalEmulatorConfig config;
    protected IPortalEmulator portal;
    /** Talks to {@code http://127.0.0.1:<port>}; paths start with {@code /iportal}. */
    protected PortalClient client;

    @BeforeEach
    void startPortal() throws IOException {
        config = IPortalEmulatorConfig.defaults();
        config.clock = clock;
        // These tests register addresses nothing serves; IPortalReachabilityCheckTest turns the check back on.
        config.variants.registerReachability = IPortalVariants.RegisterReachability.OFF;
        configure(config);
        portal = IPortalEmulator.start(config);
        URI url = URI.create(portal.url());
        client = new PortalClient(url.getScheme() + "://" + url.getAuthority());
    }

    /** Lets a test class change the config before the portal starts. */
    protected void configure(IPortalEmulatorConfig config) {
    }

    @AfterEach
    void stopPortal() {
        portal.close();
    }

    /** Logs in as {@code account} and returns the JSESSIONID value. */
    protected String login(PortalAccount account) {
        PortalClient.Reply reply = new PortalClient(baseOf(portal)).postJsonAsForm("/iportal/web/login.json",
                "{\"username\":\"" + account.username() + "\",\"password\":\"" + account.password() + "\"}");
        String setCookie = reply.header("Set-Cookie").orElseThrow();
        return setCookie.substring("JSESSIONID=".length(), setCookie.indexOf(';'));
    }

    /** A client already logged in as {@code account}. */
    protected PortalClient as(PortalAccount account) {
        return new PortalClient(baseOf(portal)).session(login(account));
    }

    protected String token(PortalAccount account) {
        return client.postJson("/iportal/services/security/tokens.json", "{\"userName\":\"" + account.username()
                + "\",\"password\":\"" + account.password() + "\",\"clientType\":\"NONE\",\"expiration\":60}").body();
    }

    /** A registration body as iClient 11.1.1 builds it; {@code authorizeSetting} is given as JSON. */
    protected static String registerBody(String type, String title, String linkage, String tagsJson, String authorizeJson) {
        return "{\"type\":\"" + type + "\",\"tags\":" + tagsJson + ",\"authorizeSetting\":" + authorizeJson
                + ",\"metadata\":{\"dataIdInfo\":{\"dataIdent\":{\"idCitation\":{\"resTitle\":\"" + title + "\"},\"idAbs\":\"\"}},"
                + "\"distInfo\":{\"onLineSrc\":{\"linkage\":\"" + linkage + "\"}}},"
                + "\"addedMapNames\":[],\"addedSceneNames\":[]}";
    }

    protected static String arcgisBody(String linkage) {
        return registerBody("ARCGIS_REST", "Elevation", linkage, "[\"harvested\"]", "[]");
    }

    protected static final String PUBLIC = "[{\"entityType\":\"USER\",\"entityName\":\"GUEST\",\"permissionType\":\"READ\"}]";

    /** Adds a registration directly to the store. */
    protected ServiceRegistration stored(String owner, String linkage, String... tags) {
        return portal.registry().add(ServiceRegistration.builder(owner, "ARCGIS_REST", linkage).tags(tags).build());
    }

    private static String baseOf(IPortalEmulator portal) {
        URI url = URI.create(portal.url());
        return url.getScheme() + "://" + url.getAuthority();
    }
}
