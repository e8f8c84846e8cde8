package org.giscamel.token;

import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.http.HttpSettings;
import org.giscamel.http.SelfSignedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpsTokenTest {

    @Test
    void adminTokenIsObtainedAndUsedOverHttpsWithATrustStore(@TempDir Path dir) throws Exception {
        long expires = System.currentTimeMillis() + 3_600_000L;
        try (SelfSignedServer server = new SelfSignedServer(dir, Map.of(
                "/arcgis/admin/generateToken", SelfSignedServer.json("{\"token\":\"t-https\",\"expires\":\"" + expires + "\"}"),
                "/arcgis/admin/machines", exchange -> SelfSignedServer.json(
                        "{\"auth\":\"" + exchange.getRequestHeaders().getFirst("X-Esri-Authorization") + "\"}")
                        .handle(exchange)))) {
            HttpSettings http = HttpSettings.defaults();
            http.setTrustStorePath(server.trustStore().toString());
            http.setTrustStorePassword(SelfSignedServer.TRUST_STORE_PASSWORD);
            TokenService tokens = new TokenService(new GisHttpClient(http), TokenSettings.defaults());
            TokenScope scope = TokenScope.arcgisAdmin(server.uri("/arcgis"),
                    CredentialsProvider.of(new Credentials("siteadmin", "secret")));

            String auth = tokens.call(scope, "list machines", GisRequest.get(server.uri("/arcgis/admin/machines")))
                    .path("auth").asText();
            assertEquals("Bearer t-https", auth);
        }
    }
}
