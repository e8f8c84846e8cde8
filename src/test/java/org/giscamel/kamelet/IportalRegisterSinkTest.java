package org.giscamel.kamelet;

import org.apache.camel.Exchange;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.config.ConfigurationException;
import org.giscamel.emulator.http.Fault;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.giscamel.http.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code iportal-register-sink} with an account of its own, against the iPortal emulator. */
class IportalRegisterSinkTest {

    private static final String LINKAGE = "https://gis.example.com/arcgis/rest/services/Roads/MapServer";

    @TempDir
    Path dir;
    private IPortalEmulator portal;
    private OneShotCamel camel;

    @BeforeEach
    void startPortal() throws Exception {
        IPortalEmulatorConfig config = IPortalEmulatorConfig.defaults();
        // The registered addresses are made up; nothing serves them.
        config.variants.registerReachability = IPortalVariants.RegisterReachability.OFF;
        portal = IPortalEmulator.start(config);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        portal.close();
    }

    @Test
    void aSinkWithItsOwnAccountRegistersAsThatAccountAndNeverLogsItsPassword() throws Exception {
        String password = portal.config().admin.password();
        try (LogCapture camelLog = LogCapture.debug("org.apache.camel"); LogCapture ownLog = LogCapture.debug("org.giscamel")) {
            start(portal.config().admin.username(), password);

            Exchange reply = register("{\"url\": \"" + LINKAGE + "\", \"title\": \"Roads\", \"type\": \"MapServer\","
                    + " \"tags\": [\"roads\"]}");

            assertEquals(null, reply.getException());
            assertEquals("created", reply.getMessage().getHeader(PortalRegistrar.ACTION));
            ServiceRegistration registered = portal.registry().findByLinkage(portal.config().admin.username(), LINKAGE)
                    .orElseThrow();
            assertEquals("ARCGIS_REST", registered.type());
            assertEquals("Roads", registered.resTitle());
            assertEquals(List.of("roads"), registered.tags());
            assertTrue(registered.authorizeSetting().isEmpty(), "private: shared with nobody");
            // Camel itself prints resolved placeholders at DEBUG (see the README); nothing else may show the password
            assertTrue(camelLog.lines().stream().filter(line -> !line.startsWith("DEBUG"))
                    .noneMatch(line -> line.contains(password)));
            assertFalse(ownLog.text().contains(password));
        }
    }

    @ParameterizedTest
    @EnumSource(IPortalVariants.AnonymousList.class)
    void anAddressRegisteredBeforeThePortalDroppedTheSessionIsUpdated(IPortalVariants.AnonymousList answer)
            throws Exception {
        portal.config().variants.anonymousList = answer;
        start(portal.config().user.username(), portal.config().user.password());
        String roads = "{\"url\": \"" + LINKAGE + "\", \"title\": \"Roads\", \"type\": \"MapServer\"}";
        assertEquals("created", register(roads).getMessage().getHeader(PortalRegistrar.ACTION));
        portal.faults().arm(Fault.EXPIRE_TOKENS, "/iportal/web/services\\.json", 1);

        Exchange again = register(roads);

        assertEquals(null, again.getException());
        assertEquals("updated", again.getMessage().getHeader(PortalRegistrar.ACTION));
        assertEquals(1, portal.registry().count());
    }

    @Test
    void aDescriptionWithoutTitleIsRefusedNamingTheFieldAndNothingIsRegistered() throws Exception {
        start(portal.config().admin.username(), portal.config().admin.password());

        Exchange reply = register("{\"linkage\": \"" + LINKAGE + "\"}");

        assertInstanceOf(IllegalArgumentException.class, reply.getException());
        assertTrue(reply.getException().getMessage().contains("has no title"), reply.getException().getMessage());
        assertEquals(0, portal.registry().count());
    }

    @Test
    void anOwnPortalWithoutPasswordStopsStartupNamingTheParameter() {
        Exception failure = assertThrows(Exception.class, () -> start(portal.config().admin.username(), ""));

        Throwable cause = failure;
        while (!(cause instanceof ConfigurationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(ConfigurationException.class, cause, failure.toString());
        assertTrue(cause.getMessage().contains("kamelet iportal-register-sink parameter password is required"),
                cause.getMessage());
    }

    private void start(String username, String password) throws Exception {
        Path route = Files.writeString(dir.resolve("register.camel.yaml"), """
                - route:
                    id: register-own-account
                    from:
                      uri: "direct:register"
                      steps:
                        - to:
                            uri: "kamelet:iportal-register-sink"
                            parameters:
                              portalUrl: "{{test.portal-url}}"
                              username: "{{test.portal-username}}"
                              password: "{{test.portal-password}}"
                              sharing: private
                """);
        camel = OneShotCamel.start(ConfigFiles.locate(), Map.of("test.portal-url", portal.url(),
                "test.portal-username", username, "test.portal-password", password), List.of(), List.of("file:" + route));
    }

    private Exchange register(String body) {
        return camel.producer().send("direct:register", exchange -> exchange.getMessage().setBody(body));
    }
}
