package org.giscamel.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisVariants.JsonContentType;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.HttpReply;
import org.giscamel.http.HttpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The client reads the emulator's JSON, replies and error envelopes alike, whatever Content-Type labels it. */
class JsonContentTypeOnEmulatorTest {

    private static final Map<JsonContentType, String> LABELS = Map.of(
            JsonContentType.APPLICATION_JSON, "application/json;charset=UTF-8",
            JsonContentType.TEXT_PLAIN, "text/plain;charset=UTF-8");

    private final GisHttpClient http = new GisHttpClient(HttpSettings.defaults());
    private ArcGisEmulator arcgis;

    @BeforeEach
    void start() throws IOException {
        arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        arcgis.close();
    }

    private GisRequest services(String path) {
        return GisRequest.get(URI.create(arcgis.siteUrl() + "/rest/services" + path)).param("f", "json");
    }

    @ParameterizedTest
    @EnumSource(JsonContentType.class)
    void aListingIsParsedUnderEitherLabel(JsonContentType label) {
        arcgis.config().variants.jsonContentType = label;
        HttpReply reply = http.send("read catalog", services(""));
        assertEquals(LABELS.get(label), reply.contentType());

        JsonNode catalog = http.check("read catalog", reply);
        assertEquals(arcgis.catalog().folders().size(), catalog.path("folders").size());
    }

    @ParameterizedTest
    @EnumSource(JsonContentType.class)
    void anErrorEnvelopeIsAnErrorUnderEitherLabel(JsonContentType label) {
        arcgis.config().variants.jsonContentType = label;
        assertEquals(LABELS.get(label), http.send("read secured folder", services("/Secured")).contentType());

        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> http.call("read secured folder", services("/Secured")));
        assertEquals(499, e.serverCode().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(JsonContentType.class)
    void theEmulatorsOwnErrorsCarryTheLabelToo(JsonContentType label) {
        arcgis.config().variants.jsonContentType = label;
        GisRequest unknown = GisRequest.get(URI.create(arcgis.siteUrl() + "/nothing-here")).param("f", "json");
        assertEquals(LABELS.get(label), http.send("read unknown resource", unknown).contentType());
        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> http.call("read unknown resource", unknown));
        assertEquals(404, e.serverCode().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(JsonContentType.class)
    void aDownloadAnsweredWithAnErrorEnvelopeFailsUnderEitherLabel(JsonContentType label) {
        arcgis.config().variants.jsonContentType = label;
        GisRequest gone = GisRequest.get(URI.create(arcgis.siteUrl()
                + "/rest/directories/arcgisoutput/SampleWorldCities_MapServer/_ags_mapgone.png"));
        assertEquals(LABELS.get(label), http.send("download map image", gone).contentType());
        PermanentServerException e = assertThrows(PermanentServerException.class,
                () -> http.download("download map image", gone, (headers, body) -> body.readAllBytes()));
        assertEquals(404, e.serverCode().orElseThrow());
    }
}
