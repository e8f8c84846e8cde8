package org.giscamel.arcgis;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.HttpSettings;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenService;
import org.giscamel.token.TokenSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the ArcGIS emulator's demo services directory. */
class ServicesDirectoryTest {

    private ArcGisEmulator arcgis;
    private GisHttpClient http;
    private TokenService tokens;

    @BeforeEach
    void start() throws Exception {
        arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults());
        http = new GisHttpClient(HttpSettings.defaults());
        tokens = new TokenService(http, TokenSettings.defaults());
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    @Test
    void listsTheRootAndAFolderWhoseServiceNamesCarryTheFolder() {
        ServicesDirectory directory = directory(Optional.empty());

        FolderListing root = directory.root();
        FolderListing basemaps = directory.folder("Basemaps");

        assertTrue(root.folders().contains("Basemaps"), root.toString());
        assertTrue(root.services().contains(new ServiceRef("Hydrography", "FeatureServer")), root.toString());
        assertTrue(basemaps.services().contains(new ServiceRef("Basemaps/Streets", "MapServer")), basemaps.toString());
    }

    @Test
    void aServiceUrlDoesNotRepeatTheFolder() {
        assertEquals(arcgis.siteUrl() + "/rest/services/Basemaps/Streets/MapServer",
                directory(Optional.empty()).serviceUrl(new ServiceRef("Basemaps/Streets", "MapServer")));
    }

    @Test
    void aSecuredFolderIsReadWithAServicesTokenOnceItAsksForOne() {
        ServicesDirectory directory = directory(Optional.of(new Credentials(arcgis.config().username,
                arcgis.config().password)));

        FolderListing secured = directory.folder("Secured");
        String description = directory.service(new ServiceRef("Secured/Parcels", "MapServer")).path("description").asText();

        assertTrue(secured.services().contains(new ServiceRef("Secured/Parcels", "MapServer")));
        assertEquals("Parcels", description);
        assertEquals(1, tokens.issuedCount());
        // One request for the service: it went out with the token straight away (the log is written just after
        // each reply is sent).
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertEquals(1, arcgis.requests().count("GET", ".*/rest/services/Secured/Parcels/MapServer")));
    }

    @Test
    void aSecuredFolderWithoutCredentialsSaysWhatIsMissing() {
        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> directory(Optional.empty()).folder("Secured"));

        assertTrue(e.getMessage().contains("list ArcGIS services folder Secured"), e.getMessage());
        assertTrue(e.getMessage().contains("no ArcGIS credentials are configured"), e.getMessage());
    }

    @Test
    void aReplyWithoutAServicesListIsRefusedNotReadAsEmpty() throws Exception {
        PermanentServerException e = assertThrows(PermanentServerException.class, () -> FolderListing.parse("list",
                new ObjectMapper().readTree("{\"currentVersion\":11.1,\"folders\":[]}")));

        assertTrue(e.getMessage().contains("no 'services' list"), e.getMessage());
        assertEquals(List.of(), FolderListing.parse("list",
                new ObjectMapper().readTree("{\"folders\":[],\"services\":[]}")).services());
    }

    private ServicesDirectory directory(Optional<Credentials> credentials) {
        return new ServicesDirectory(http, tokens, URI.create(arcgis.siteUrl()), credentials.map(CredentialsProvider::of));
    }
}
