package org.giscamel.token;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisVariants.TokenExpires;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.HttpSettings;
import org.giscamel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The token service reads {@code expires} however the emulator spells it on each endpoint: the server grants
 * 30 minutes where 60 were asked, so only a token whose {@code expires} was read is renewed 5 minutes before the
 * 30 are up.
 */
class TokenExpiresOnEmulatorTest {

    private static final String ADMIN_TOKENS = "/arcgis/admin/generateToken";
    private static final String SERVICES_TOKENS = "/arcgis/tokens/generateToken";

    private final MutableClock clock = MutableClock.startingNow();
    private ArcGisEmulator arcgis;
    private TokenService tokens;
    private CredentialsProvider credentials;

    @BeforeEach
    void start() throws IOException {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.clock = clock;
        config.maxTokenMinutes = 30;
        arcgis = ArcGisEmulator.start(config);
        tokens = new TokenService(new GisHttpClient(HttpSettings.defaults()), TokenSettings.defaults(), clock);
        credentials = CredentialsProvider.of(new Credentials(config.username, config.password));
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    private URI site() {
        return URI.create(arcgis.siteUrl());
    }

    private JsonNode machines() {
        return tokens.call(TokenScope.arcgisAdmin(site(), credentials), "list machines",
                GisRequest.get(URI.create(arcgis.siteUrl() + "/admin/machines")).param("f", "json"));
    }

    private JsonNode securedFolder() {
        return tokens.call(TokenScope.arcgisServices(site(), credentials), "list secured folder",
                GisRequest.get(URI.create(arcgis.siteUrl() + "/rest/services/Secured")).param("f", "json"));
    }

    private long tokenRequests(String path) {
        return arcgis.requests().count("POST", path);
    }

    @ParameterizedTest
    @EnumSource(TokenExpires.class)
    void adminTokenLivesAsLongAsItsExpiresSays(TokenExpires spelling) {
        arcgis.config().variants.adminTokenExpires = spelling;
        assertEquals(1, machines().path("machines").size());
        clock.advance(Duration.ofMinutes(25).minusSeconds(1));
        machines();
        assertEquals(1, tokenRequests(ADMIN_TOKENS));
        clock.advance(Duration.ofSeconds(2));
        machines();
        assertEquals(2, tokenRequests(ADMIN_TOKENS));
    }

    @ParameterizedTest
    @EnumSource(TokenExpires.class)
    void servicesTokenLivesAsLongAsItsExpiresSays(TokenExpires spelling) {
        arcgis.config().variants.servicesTokenExpires = spelling;
        assertEquals("Secured/Parcels", securedFolder().at("/services/0/name").asText());
        clock.advance(Duration.ofMinutes(25).minusSeconds(1));
        securedFolder();
        assertEquals(1, tokenRequests(SERVICES_TOKENS));
        clock.advance(Duration.ofSeconds(2));
        securedFolder();
        assertEquals(2, tokenRequests(SERVICES_TOKENS));
    }
}
