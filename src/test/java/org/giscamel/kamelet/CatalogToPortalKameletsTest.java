package org.giscamel.kamelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.giscamel.cli.OneShotCamel;
import org.giscamel.config.ConfigFiles;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.giscamel.emulator.iportal.ServiceRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code arcgis-catalog-source} feeding {@code iportal-register-sink}, from the Kamelets on the classpath, against
 * both emulators: the route of {@code kamelet-routes/catalog-to-portal.camel.yaml}.
 */
class CatalogToPortalKameletsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArcGisEmulator arcgis;
    private IPortalEmulator portal;
    private OneShotCamel camel;

    @BeforeEach
    void startEmulators() throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.demoCatalog = false;
        arcgis = ArcGisEmulator.start(config);
        arcgis.catalog().add("Roads", "MapServer").add("Roads", "FeatureServer").add("Secured/Parcels", "MapServer")
                .add("Utilities/Geometry", "GeometryServer").secureFolder("Secured");
        IPortalEmulatorConfig portalConfig = IPortalEmulatorConfig.defaults();
        // The pipeline, not the portal's check, is under test: the secured service passes an HTTP-status check only
        // (the harvest tests cover how a flow copes with the strict check).
        portalConfig.variants.registerReachability = IPortalVariants.RegisterReachability.LENIENT;
        portal = IPortalEmulator.start(portalConfig);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        portal.close();
        arcgis.close();
    }

    @Test
    void eachServiceTheFilterTakesIsOneMessageAndOneRegistration() throws Exception {
        runOneWalk();

        List<JsonNode> messages = bodies("mock:services");
        assertEquals(Set.of("Roads/MapServer", "Roads/FeatureServer", "Secured/Parcels/MapServer"),
                messages.stream().map(m -> m.path("name").asText() + "/" + m.path("type").asText())
                        .collect(Collectors.toSet()));
        JsonNode parcels = messages.stream().filter(m -> m.path("folder").asText().equals("Secured")).findFirst()
                .orElseThrow();
        assertEquals(arcgis.siteUrl() + "/rest/services/Secured/Parcels/MapServer", parcels.path("url").asText());
        assertEquals("Parcels", parcels.path("title").asText());

        List<ServiceRegistration> registered = portal.registry().list();
        assertEquals(messages.stream().map(m -> m.path("url").asText()).collect(Collectors.toSet()),
                registered.stream().map(ServiceRegistration::linkPage).collect(Collectors.toSet()));
        registered.forEach(r -> {
            assertEquals("ARCGIS_REST", r.type());
            assertEquals(portal.config().user.username(), r.userName());
            assertTrue(r.tags().contains("from-catalog"), r.tags().toString());
        });
    }

    @Test
    void anAddressTheAccountAlreadyRegisteredIsUpdatedKeepingItsOtherTags() throws Exception {
        String roads = arcgis.siteUrl() + "/rest/services/Roads/MapServer";
        ServiceRegistration earlier = portal.registry().add(ServiceRegistration.builder(
                portal.config().user.username(), "ARCGIS_REST", roads).resTitle("Old title")
                .tags("gis-harvest-main").build());

        runOneWalk();

        Exchange reply = camel.context().getEndpoint("mock:registered", MockEndpoint.class).getReceivedExchanges()
                .stream().filter(e -> roads.equals(json(e).path("linkage").asText())).findFirst().orElseThrow();
        assertEquals("updated", reply.getMessage().getHeader(PortalRegistrar.ACTION));
        assertEquals(3, portal.registry().count());
        ServiceRegistration updated = portal.registry().find(earlier.id()).orElseThrow();
        assertEquals("Roads", updated.resTitle());
        assertTrue(updated.tags().containsAll(List.of("gis-harvest-main", "from-catalog")), updated.tags().toString());
    }

    private void runOneWalk() throws Exception {
        camel = OneShotCamel.start(ConfigFiles.locate(), Map.of(
                "gis.arcgis.url", arcgis.siteUrl(),
                "gis.arcgis.username", arcgis.config().username,
                "gis.arcgis.password", arcgis.config().password,
                "gis.iportal.url", portal.url(),
                "gis.iportal.username", portal.config().user.username(),
                "gis.iportal.password", portal.config().user.password()),
                List.of(), List.of("classpath:kamelet-routes/catalog-to-portal.camel.yaml"));
        MockEndpoint registered = camel.context().getEndpoint("mock:registered", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> registered.getReceivedCounter() == 3);
    }

    private List<JsonNode> bodies(String mock) {
        return camel.context().getEndpoint(mock, MockEndpoint.class).getReceivedExchanges().stream()
                .map(CatalogToPortalKameletsTest::json).toList();
    }

    private static JsonNode json(Exchange exchange) {
        try {
            return JSON.readTree(exchange.getMessage().getBody(String.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
