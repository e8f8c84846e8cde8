package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerVersionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServerVersion v(String text) {
        return ServerVersion.parse(text).orElseThrow();
    }

    @Test
    void releasesFrom108OnHaveDeprecatedClusters() {
        assertTrue(v("10.8").isAtLeast(ServerVersion.CLUSTERS_DEPRECATED));
        assertTrue(v("10.8.1").isAtLeast(ServerVersion.CLUSTERS_DEPRECATED));
        assertTrue(v("11.1").isAtLeast(ServerVersion.CLUSTERS_DEPRECATED));
        assertFalse(v("10.7.1").isAtLeast(ServerVersion.CLUSTERS_DEPRECATED));
        assertFalse(v("10.6").isAtLeast(ServerVersion.CLUSTERS_DEPRECATED));
    }

    @Test
    void partsCompareAsNumbersNotAsText() {
        assertTrue(v("10.10").isAtLeast(v("10.9")));
        assertEquals(0, v("11.1").compareTo(v("11.1.0")));
    }

    @Test
    void theAdminInfoStringIsDotted() throws Exception {
        assertEquals(v("10.8.1"), ServerVersion.of(JSON.readTree("\"10.8.1\"")).orElseThrow());
    }

    @Test
    void aNumberPutsOneDigitPerMinorPartAsRestDoes() throws Exception {
        assertEquals(v("10.6.1"), ServerVersion.of(JSON.readTree("10.61")).orElseThrow());
        assertEquals(v("11.1"), ServerVersion.of(JSON.readTree("11.1")).orElseThrow());
        assertFalse(ServerVersion.of(JSON.readTree("10.61")).orElseThrow().isAtLeast(ServerVersion.CLUSTERS_DEPRECATED));
    }

    @Test
    void textThatIsNoVersionGivesNone() throws Exception {
        assertTrue(ServerVersion.parse("eleven").isEmpty());
        assertTrue(ServerVersion.parse("").isEmpty());
        assertTrue(ServerVersion.of(JSON.readTree("{}").path("currentversion")).isEmpty());
    }
}
