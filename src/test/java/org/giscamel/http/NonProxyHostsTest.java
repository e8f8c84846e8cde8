package org.giscamel.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NonProxyHostsTest {

    @Test
    void javaSyntaxAndCommaListsGiveCamelsCommaList() {
        assertEquals("localhost,127.*,*.corp.example", NonProxyHosts.camelList("localhost|127.*|*.corp.example"));
        assertEquals("localhost,127.*,*.corp.example", NonProxyHosts.camelList("localhost, 127.*,*.CORP.example"));
        assertEquals("a,b,c", NonProxyHosts.camelList(" a | b ,c | "));
    }

    @Test
    void aBracketedIpv6AddressIsAlsoListedBare() {
        assertEquals("localhost,[::1],::1", NonProxyHosts.camelList(HttpSettings.LOOPBACK_HOSTS.replace("127.*|", "")));
    }

    @Test
    void nothingListedIsAnEmptyList() {
        assertEquals("", NonProxyHosts.camelList(""));
        assertEquals("", NonProxyHosts.camelList(null));
    }
}
