package org.giscamel.iportal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.giscamel.emulator.iportal.ShareEntity;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.HttpSettings;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.testing.MutableClock;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;
import org.giscamel.token.TokenSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry client against the iPortal emulator. */
class PortalServicesTest {

    private static final String ARCGIS = "http://gis.example.com/arcgis/rest/services/";

    private final MutableClock clock = new MutableClock();
    private IPortalEmulator portal;
    private PortalServices services;

    @BeforeEach
    void start() throws Exception {
        IPortalEmulatorConfig config = IPortalEmulatorConfig.defaults();
        config.clock = clock;
        // The registered addresses are made up; nothing serves them.
        config.variants.registerReachability = IPortalVariants.RegisterReachability.OFF;
        portal = IPortalEmulator.start(config);
        GisHttpClient http = new GisHttpClient(HttpSettings.defaults());
        services = new PortalServices(new TokenService(http, TokenSettings.defaults()),
                TokenScope.iportalSession(URI.create(portal.url()), CredentialsProvider.of(
                        new Credentials(portal.config().user.username(), portal.config().user.password()))));
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void pagesThroughEveryTaggedRegistrationAtTheDefaultPageSize() {
        for (int i = 0; i < 30; i++) {
            services.register(body("S" + i, "m"));
        }

        List<OwnedRegistration> found = new ArrayList<>();
        int pages = services.forEachTagged("m", 9, found::add);

        assertEquals(4, pages, "30 registrations, 9 a page");
        assertEquals(30, found.size());
        assertEquals(30, found.stream().map(OwnedRegistration::id).distinct().count());
        assertEquals(ARCGIS + "S0/MapServer", found.get(0).linkage());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertEquals(4, portal.requests().count("GET", "/iportal/web/services\\.json")));
    }

    @Test
    void skipsRegistrationsOfOtherUsersAndWithoutTheTag() {
        services.register(body("Mine", "m"));
        services.register(body("Untagged", "other"));
        portal.registry().add(ServiceRegistration.builder("someone", "ARCGIS_REST", ARCGIS + "Theirs/MapServer")
                .tags("m").authorizeSetting(List.of(ShareEntity.publicRead())).build());

        List<OwnedRegistration> found = new ArrayList<>();
        services.forEachTagged("m", 9, found::add);

        assertEquals(List.of(ARCGIS + "Mine/MapServer"), found.stream().map(OwnedRegistration::linkage).toList());
    }

    @ParameterizedTest
    @EnumSource(IPortalVariants.AnonymousList.class)
    void aListingToASessionThePortalDroppedIsReadAgainAsTheOwner(IPortalVariants.AnonymousList anonymousList) {
        portal.config().variants.anonymousList = anonymousList;
        services.register(body("Public", "m"));
        services.register(body("Private", "m", Sharing.PRIVATE));
        clock.advance(Duration.ofMinutes(portal.config().sessionMinutes + 1));

        List<OwnedRegistration> found = new ArrayList<>();
        services.forEachTagged("m", 9, found::add);

        assertEquals(List.of(ARCGIS + "Public/MapServer", ARCGIS + "Private/MapServer"),
                found.stream().map(OwnedRegistration::linkage).toList());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertEquals(2, portal.requests().count("POST", "/iportal/web/login\\.json")));
    }

    @Test
    void findsARegistrationByItsExactAddress() {
        services.register(body("Parcels2", "x"));
        int id = services.register(body("Parcels", "x"));

        Optional<OwnedRegistration> found = services.findByLinkage(ARCGIS + "Parcels/MapServer");

        assertEquals(id, found.orElseThrow().id());
        assertTrue(services.findByLinkage(ARCGIS + "Nothing/MapServer").isEmpty());
    }

    @Test
    void aSecondRegistrationOfTheSameAddressIsRefused() {
        services.register(body("A", "m"));

        PermanentServerException e = assertThrows(PermanentServerException.class, () -> services.register(body("A", "m")));

        assertEquals(400, e.httpStatus());
    }

    @Test
    void updatesAndDeletesARegistration() {
        int id = services.register(body("A", "m"));

        services.update(id, RegistrationBodies.update(List.of("m", "new"), Sharing.PRIVATE, metadata("A", "Renamed")));
        assertEquals(List.of("m", "new"), portal.registry().find(id).orElseThrow().tags());
        assertEquals("Renamed", portal.registry().find(id).orElseThrow().resTitle());

        assertTrue(services.delete(id));
        assertFalse(services.delete(id), "already gone");
        assertEquals(0, portal.registry().count());
    }

    private static ObjectNode body(String name, String tag) {
        return body(name, tag, Sharing.PUBLIC);
    }

    private static ObjectNode body(String name, String tag, Sharing sharing) {
        return RegistrationBodies.create(RegistrationBodies.ARCGIS_REST, List.of(tag), sharing, metadata(name, name),
                List.of());
    }

    private static ServiceMetadata metadata(String name, String title) {
        return new ServiceMetadata(title, ARCGIS + name + "/MapServer", "", "", List.of(), Optional.empty(),
                Optional.empty());
    }
}
