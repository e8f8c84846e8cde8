package org.giscamel.ogc;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OgcEndpointTest {

    @Test
    void capabilitiesUrlKeepsServerParametersAndWritesRequestParametersOneWay() {
        OgcEndpoint endpoint = OgcEndpoint.fromCapabilitiesUrl(URI.create("http://gis.example.com/cgi-bin/mapserv"
                + "?service=wms&map=%2Fdata%2Froads.map&Request=GetCapabilities&version=1.3.0"));

        assertEquals(OgcServiceType.WMS, endpoint.type());
        assertEquals(URI.create("http://gis.example.com/cgi-bin/mapserv?map=%2Fdata%2Froads.map"
                + "&SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"), endpoint.capabilitiesUrl());
    }

    @Test
    void theLinkageIsTheEndpointWithItsServerParametersAndServiceButNoRequest() {
        OgcEndpoint endpoint = OgcEndpoint.fromCapabilitiesUrl(URI.create("http://gis.example.com/cgi-bin/mapserv"
                + "?service=wms&map=%2Fdata%2Froads.map&Request=GetCapabilities&version=1.3.0"));

        assertEquals(URI.create("http://gis.example.com/cgi-bin/mapserv?map=%2Fdata%2Froads.map&SERVICE=WMS"),
                endpoint.linkage());
    }

    @Test
    void versionsOfOneServiceShareTheirLinkage() {
        OgcEndpoint older = OgcEndpoint.fromCapabilitiesUrl(
                URI.create("https://maps.example.com/ows?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1"));
        OgcEndpoint newer = OgcEndpoint.fromCapabilitiesUrl(
                URI.create("https://maps.example.com/ows?SERVICE=WMS&AcceptVersions=1.3.0"));

        assertEquals(URI.create("https://maps.example.com/ows?SERVICE=WMS"), older.linkage());
        assertEquals(older.linkage(), newer.linkage());
        assertNotEquals(older.capabilitiesUrl(), newer.capabilitiesUrl());
    }

    @Test
    void withoutVersionTheServerChooses() {
        OgcEndpoint endpoint = OgcEndpoint.fromCapabilitiesUrl(URI.create("https://maps.example.com/ows?SERVICE=WFS"));

        assertEquals(URI.create("https://maps.example.com/ows?SERVICE=WFS&REQUEST=GetCapabilities"),
                endpoint.capabilitiesUrl());
    }

    @Test
    void acceptVersionsGivesTheFirstVersion() {
        OgcEndpoint endpoint = OgcEndpoint.fromCapabilitiesUrl(URI.create(
                "https://maps.example.com/ows?SERVICE=WCS&REQUEST=GetCapabilities&AcceptVersions=2.0.1,1.1.1"));

        assertEquals(URI.create("https://maps.example.com/ows?SERVICE=WCS&REQUEST=GetCapabilities&VERSION=2.0.1"),
                endpoint.capabilitiesUrl());
    }

    @Test
    void restfulWmtsCapabilitiesDocumentIsReadAsGiven() {
        URI document = URI.create("https://tiles.example.com/wmts/1.0.0/WMTSCapabilities.xml");

        OgcEndpoint endpoint = OgcEndpoint.fromCapabilitiesUrl(document);

        assertEquals(OgcServiceType.WMTS, endpoint.type());
        assertEquals(document, endpoint.capabilitiesUrl());
        assertEquals(document, endpoint.linkage());
    }

    @Test
    void urlWithoutSupportedServiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OgcEndpoint.fromCapabilitiesUrl(
                URI.create("https://maps.example.com/ows?REQUEST=GetCapabilities")));
        assertThrows(IllegalArgumentException.class,
                () -> OgcEndpoint.fromCapabilitiesUrl(URI.create("https://maps.example.com/wps?SERVICE=WPS")));
    }

    @Test
    void urlOfAnotherRequestIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OgcEndpoint.fromCapabilitiesUrl(
                URI.create("https://maps.example.com/ows?SERVICE=WMS&REQUEST=GetMap&LAYERS=roads")));

        assertEquals("the URL asks for GetMap, not for GetCapabilities", e.getMessage());
    }

    @Test
    void ofReplacesRequestParametersAlreadyInTheServiceUrl() {
        OgcEndpoint endpoint = OgcEndpoint.of(OgcServiceType.WFS,
                URI.create("http://127.0.0.1:8080/cgi-bin/ms?SERVICE=WMS&key=a%26b&VERSION=1.3.0"), "2.0.0");

        assertEquals(URI.create("http://127.0.0.1:8080/cgi-bin/ms?key=a%26b&SERVICE=WFS&REQUEST=GetCapabilities"
                + "&VERSION=2.0.0"), endpoint.capabilitiesUrl());
    }

    @Test
    void servicesOfOneServerGetDifferentLinkages() {
        URI server = URI.create("http://127.0.0.1:8080/cgi-bin/ms");

        assertNotEquals(OgcEndpoint.of(OgcServiceType.WMS, server, null).linkage(),
                OgcEndpoint.of(OgcServiceType.WFS, server, null).linkage());
    }
}
