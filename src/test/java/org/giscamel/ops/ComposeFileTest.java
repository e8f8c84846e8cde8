package org.giscamel.ops;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compose.yaml parses, wires the job store to PostgreSQL, mounts the configuration and takes secrets from outside. */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws Exception {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApplicationUsesThePostgresServiceAsItsJobStore() throws Exception {
        Map<String, Object> db = service("db");
        Map<String, String> env = (Map<String, String>) service("app").get("environment");
        assertEquals("postgres:16", db.get("image"));
        assertEquals("jdbc:postgresql://db:5432/gis", env.get("GIS_GP_STORE_URL"));
        Map<String, String> dbEnv = (Map<String, String>) db.get("environment");
        assertEquals(dbEnv.get("POSTGRES_USER"), env.get("GIS_GP_STORE_USERNAME"));
        Map<String, Map<String, String>> dependsOn =
                (Map<String, Map<String, String>>) service("app").get("depends_on");
        assertEquals("service_healthy", dependsOn.get("db").get("condition"), "the job store is up first");
    }

    @Test
    @SuppressWarnings("unchecked")
    void configurationAndRoutesAreMountedAndTheObservePortPublished() throws Exception {
        List<String> volumes = (List<String>) service("app").get("volumes");
        assertTrue(volumes.contains("./config:/app/config:ro"), volumes.toString());
        assertTrue(volumes.contains("./routes:/app/routes:ro"), volumes.toString());
        assertTrue(((List<String>) service("app").get("ports")).contains("9876:9876"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableIsAKnownKeyAndEverySecretComesFromOutside() throws Exception {
        Map<String, String> env = (Map<String, String>) service("app").get("environment");
        DocumentedKeys documented = DocumentedKeys.load();
        env.forEach((name, value) -> {
            assertTrue(documented.isKnownVariable(name), name + " is not a documented key");
            if (name.endsWith("PASSWORD")) {
                assertTrue(value.startsWith("${" + name), name + " must come from the environment, not the file");
            }
        });
    }
}
