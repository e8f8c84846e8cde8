package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The GP services as the full emulator publishes them: in its services directory and on its site port. */
class GpOnArcGisEmulatorTest {

    private static JsonNode get(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return GpTestSite.json(response);
    }

    @Test
    void siteListsAndServesTheGpServices() throws Exception {
        try (ArcGisEmulator arcgis = ArcGisEmulator.start(ArcGisEmulatorConfig.defaults())) {
            HttpClient client = HttpClient.newHttpClient();
            String token = arcgis.tokens().issue("gpuser", 60L).value();
            String services = arcgis.siteUrl() + "/rest/services";

            assertEquals(499, get(client, services + "/Demo?f=json").at("/error/code").asInt(), "GP folder is secured");
            JsonNode folder = get(client, services + "/Demo?f=json&token=" + token);
            Set<String> listed = StreamSupport.stream(folder.get("services").spliterator(), false)
                    .map(s -> s.get("name").asText() + "/" + s.get("type").asText()).collect(Collectors.toSet());
            assertEquals(Set.of("Demo/BufferPoints/GPServer", "Demo/BufferPointsSync/GPServer",
                    "Demo/RasterInfo/GPServer", "Demo/BufferPoints/MapServer"), listed);

            JsonNode service = get(client, services + "/Demo/BufferPoints/GPServer?f=json&token=" + token);
            assertEquals("BufferPoints", service.get("resultMapServerName").asText());
            assertEquals(folder.get("currentVersion"), service.get("currentVersion"), "one version across the site");
            JsonNode layer = get(client, services + "/Demo/BufferPoints/MapServer/0?f=json&token=" + token);
            assertEquals("Output_Buffers", layer.get("name").asText());
        }
    }
}
