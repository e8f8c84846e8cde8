package org.giscamel.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.EmbeddedEmulators;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisVariants;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The switches of unverified behaviours: names, values, profiles, configuration keys and the control API. */
class VariantsTest {

    @Test
    void valuesAreReadByKebabOrCamelNameAndEnumsWithoutCaseOrUnderscores() {
        ArcGisVariants variants = ArcGisVariants.strict();

        Variants.apply(variants, Map.of("fresh-machine-local", "name", "restartWindow", "http-503", "version", "10.6"));

        assertEquals(ArcGisVariants.FreshMachineLocal.NAME, variants.freshMachineLocal);
        assertEquals(ArcGisVariants.RestartWindow.HTTP_503, variants.restartWindow);
        assertEquals("10.6", variants.version);
    }

    @Test
    void anUnknownSwitchOrValueIsRefusedWithItsName() {
        ArcGisVariants variants = ArcGisVariants.strict();

        BadRequestException unknownName = assertThrows(BadRequestException.class,
                () -> Variants.apply(variants, Map.of("fresh-machine-locale", "name")));
        BadRequestException unknownValue = assertThrows(BadRequestException.class,
                () -> Variants.apply(variants, Map.of("fresh-machine-local", "hostname")));

        assertTrue(unknownName.getMessage().contains("freshMachineLocale"), unknownName.getMessage());
        assertTrue(unknownValue.getMessage().contains("hostname"), unknownValue.getMessage());
        assertThrows(BadRequestException.class, () -> Variants.profileName("harsh"));
    }

    @Test
    void theProfilesDifferOnEverySwitchThatHasTwoAnswers() {
        JsonNode strict = Variants.toJson(ArcGisVariants.strict());
        JsonNode lenient = Variants.toJson(ArcGisVariants.lenient());

        for (String name : Variants.names(ArcGisVariants.strict())) {
            if (!name.equals("version")) {
                assertTrue(!strict.get(name).equals(lenient.get(name)), name + " is the same in both profiles");
            }
        }
    }

    @Test
    void configurationKeysSetSingleSwitchesAndEveryBadValueIsReported() {
        Map<String, String> keys = Map.of("gis.emulator.profile", "lenient",
                "gis.emulator.arcgis.restart-window", "connection-drop",
                "gis.emulator.arcgis.fresh-machine-local", "maybe");
        List<String> problems = new ArrayList<>();

        EmbeddedEmulators.Options options = EmbeddedEmulators.options(new EmbeddedEmulators.Ports(0, 0, 0),
                key -> Optional.ofNullable(keys.get(key)), problems::add);

        assertEquals("lenient", options.profile());
        assertEquals(Map.of("restartWindow", "connection-drop", "freshMachineLocal", "maybe"), options.arcgisVariants());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("gis.emulator.arcgis.fresh-machine-local: "), problems.get(0));
        assertTrue(EmbeddedEmulators.variantKeys().contains("gis.emulator.arcgis.secured-root-services"));
    }

    @Test
    void theControlApiShowsTheSwitchesAndTakesAProfileThenSingleValues() throws Exception {
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults())) {
            HttpClient http = HttpClient.newHttpClient();
            String url = arcgis.siteUrl().replace("/arcgis", "") + "/__emulator/variants";

            HttpResponse<String> changed = http.send(HttpRequest.newBuilder(
                            URI.create(url + "?profile=lenient&secured-root-services=hidden"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> shown = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, changed.statusCode(), changed.body());
            assertEquals(ArcGisVariants.FreshMachineLocal.NAME, arcgis.config().variants.freshMachineLocal);
            assertEquals(ArcGisVariants.SecuredRootServices.HIDDEN, arcgis.config().variants.securedRootServices);
            assertTrue(shown.body().contains("\"freshMachineLocal\":\"NAME\""), shown.body());
        }
    }
}
