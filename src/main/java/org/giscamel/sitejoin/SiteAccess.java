package org.giscamel.sitejoin;

import org.apache.camel.spi.Registry;
import org.giscamel.config.ServerConnection;
import org.giscamel.config.ServerConnections;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenService;

import java.net.URI;
import java.time.Duration;

/**
 * What every site flow talks to the site with: the shared protocol beans of {@link org.giscamel.wiring.GisBeans} and
 * the site of {@code gis.arcgis.*}. They are looked up when a run starts, so the order in which camel-main applies
 * configurations does not matter.
 */
record SiteAccess(GisHttpClient http, TokenService tokens, ServerConnection site) {

    /**
     * @param flowWants what the flow needs the site for, for the message when {@code gis.arcgis.url} is not set,
     *                  e.g. "the site to join"
     */
    static SiteAccess from(Registry registry, String flowWants) {
        ServerConnection site = bean(registry, "serverConnections", ServerConnections.class).arcgis()
                .orElseThrow(() -> new InvalidSiteJoinRequestException("gis.arcgis.url is not set, so " + flowWants
                        + " is unknown"));
        return new SiteAccess(bean(registry, "gisHttpClient", GisHttpClient.class),
                bean(registry, "tokenService", TokenService.class), site);
    }

    URI siteRoot() {
        return URI.create(site.url());
    }

    Credentials credentials() {
        return site.credentials();
    }

    /** The Administrator API of the site of {@code gis.arcgis.url}. */
    SiteAdmin siteAdmin(Duration callTimeout) {
        return admin(siteRoot(), callTimeout);
    }

    /** The Administrator API of the site that the machine at {@code root} serves, with the site's credentials. */
    SiteAdmin admin(URI root, Duration callTimeout) {
        return new SiteAdmin(http, tokens, root, CredentialsProvider.of(site.credentials()), callTimeout);
    }

    MachineAdmin machine(URI root) {
        return new MachineAdmin(http, root);
    }

    private static <T> T bean(Registry registry, String name, Class<T> type) {
        T bean = registry.lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("bean '" + name + "' is missing: the Camel context needs GisBeans");
        }
        return bean;
    }
}
