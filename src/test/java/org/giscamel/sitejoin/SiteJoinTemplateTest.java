package org.giscamel.sitejoin;

import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Embedding: the chain as packed in the jar, instantiated from its route template at an endpoint of one's own. */
class SiteJoinTemplateTest {

    @TempDir
    Path dir;
    private SiteJoinWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void theTemplateOnTheClasspathServesAnotherEndpoint() throws Exception {
        world = SiteJoinWorld.start(SiteJoinWorld.fastEmulator(), dir, Map.of(),
                List.of("classpath:gis-camel-routes/site-join.camel.yaml"));
        TemplatedRouteBuilder.builder(world.camel.context(), "gis-site-join")
                .routeId("my-join")
                .parameter("endpoint", "direct:my-join")
                .add();

        Exchange result = world.camel.producer().send("direct:my-join", exchange -> exchange.getMessage().setBody(
                "{\"machine\":\"" + world.arcgis.freshMachineUrl() + "\",\"cluster\":\"default\"}"));

        assertNull(result.getException());
        assertEquals("STARTED", world.arcgis.site().machine(SiteJoinWorld.NODE).orElseThrow().realTimeState());
    }
}
