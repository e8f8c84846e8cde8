package org.giscamel.wiring;

import org.giscamel.config.GisSettings;
import org.giscamel.http.HttpSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gis.http.* keys as operators write them, and the mistakes check-config reports. */
class HttpKeysTest {

    private static GisSettings settings(Map<String, String> values) {
        return new GisSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void theProxyIsReadWithItsPasswordAndLoopbackStaysDirectByDefault() {
        GisSettings keys = settings(Map.of("gis.http.proxy-host", "proxy.corp.example", "gis.http.proxy-port", "3128",
                "gis.http.proxy-user", "svc-gis", "gis.http.proxy-password", "from-the-environment"));
        HttpSettings http = GisBeans.httpSettings(keys);

        assertEquals(List.of(), keys.problems());
        assertEquals("proxy.corp.example", http.getProxyHost());
        assertEquals(3128, http.getProxyPort());
        assertEquals("svc-gis", http.getProxyUser());
        assertEquals("from-the-environment", http.getProxyPassword());
        assertEquals("localhost|127.*|[::1]", http.getNonProxyHosts());
    }

    @Test
    void noProxyHostMeansDirect() {
        GisSettings keys = settings(Map.of("gis.http.non-proxy-hosts", "*.corp.example"));
        assertNull(GisBeans.httpSettings(keys).getProxyHost());
        assertEquals(List.of(), keys.problems());
    }

    @Test
    void aProxyWithoutPortOrPasswordAndProxyKeysWithoutHostAreReported() {
        GisSettings keys = settings(Map.of("gis.http.proxy-host", "proxy.corp.example", "gis.http.proxy-user", "svc-gis"));
        GisBeans.httpSettings(keys);
        assertEquals(2, keys.problems().size(), keys.problems().toString());
        assertTrue(keys.problems().get(0).contains("gis.http.proxy-port"), keys.problems().toString());
        assertTrue(keys.problems().get(1).contains("GIS_HTTP_PROXY_PASSWORD"), keys.problems().toString());

        GisSettings orphans = settings(Map.of("gis.http.proxy-port", "3128", "gis.http.proxy-user", "svc-gis"));
        GisBeans.httpSettings(orphans);
        assertEquals(List.of("gis.http.proxy-port is set but gis.http.proxy-host is not",
                "gis.http.proxy-user is set but gis.http.proxy-host is not"), orphans.problems());
    }

    @Test
    void twoWaysOfTrustingCertificatesAreReported() {
        GisSettings keys = settings(Map.of("gis.http.ssl-context-parameters", "#gisSsl",
                "gis.http.use-global-ssl-context-parameters", "true"));
        HttpSettings http = GisBeans.httpSettings(keys);
        assertEquals("#gisSsl", http.getSslContextParameters());
        assertEquals(1, keys.problems().size());
        assertTrue(keys.problems().get(0).contains("choose one"), keys.problems().get(0));
        assertFalse(keys.problems().get(0).contains("null"));
    }
}
