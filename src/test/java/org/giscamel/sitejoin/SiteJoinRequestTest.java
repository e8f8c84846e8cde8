package org.giscamel.sitejoin;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteJoinRequestTest {

    private static String rejection(String json) {
        return assertThrows(InvalidSiteJoinRequestException.class, () -> SiteJoinRequest.parse(json)).getMessage();
    }

    @Test
    void aFullRequestIsRead() {
        SiteJoinRequest request = SiteJoinRequest.parse(
                "{\"machine\":\"http://node2.example.com:6080/arcgis/\",\"cluster\":\"maps\",\"createCluster\":true}");

        assertEquals(URI.create("http://node2.example.com:6080/arcgis"), request.machine());
        assertEquals(Optional.of("maps"), request.cluster());
        assertEquals(Optional.of(true), request.createCluster());
    }

    @Test
    void absentClusterAndCreateClusterMeanAsConfigured() {
        SiteJoinRequest request = SiteJoinRequest.parse("{\"machine\":\"https://node2:6443/arcgis\"}");

        assertTrue(request.cluster().isEmpty());
        assertTrue(request.createCluster().isEmpty());
    }

    @Test
    void anEmptyClusterMeansNone() {
        assertEquals(Optional.of(""), SiteJoinRequest.parse("{\"machine\":\"http://n:6080/arcgis\",\"cluster\":\"\"}").cluster());
    }

    @Test
    void malformedJsonSaysWhereWithoutQuotingTheFile() {
        String message = rejection("{\"machine\": \"http://n:6080/arcgis\", \"password\" \"hunter2\"}");

        assertTrue(message.startsWith("the request is not valid JSON"), message);
        assertTrue(message.contains("line 1"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertTrue(rejection("  \n").startsWith("the request is empty"));
    }

    @Test
    void theMachineIsRequired() {
        assertTrue(rejection("{\"cluster\":\"default\"}").contains("needs \"machine\""));
        assertTrue(rejection("[\"http://n:6080/arcgis\"]").contains("JSON object"));
    }

    @Test
    void unknownFieldsAreNamedButTheirValuesAreNot() {
        String message = rejection("{\"machine\":\"http://n:6080/arcgis\",\"password\":\"hunter2\"}");

        assertTrue(message.contains("[password]"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void aMachineUrlMustBeAnHttpSiteRoot() {
        assertTrue(rejection("{\"machine\":\"ftp://n/arcgis\"}").contains("http:// or https://"));
        assertTrue(rejection("{\"machine\":\"node2:6080/arcgis\"}").contains("http:// or https://"));
        assertTrue(rejection("{\"machine\":\"http://n:6080\"}").contains("web context"));
        assertTrue(rejection("{\"machine\":\"http://n:6080/arcgis/admin\"}").contains("without /admin"));
        assertTrue(rejection("{\"machine\":\"http://u:p@n:6080/arcgis\"}").contains("credentials"));
        assertTrue(rejection("{\"machine\":\"http://n:6080/arc gis\"}").contains("not a valid URL"));
    }

    @Test
    void typesAreChecked() {
        assertTrue(rejection("{\"machine\":\"http://n:6080/arcgis\",\"cluster\":3}").contains("\"cluster\" must be a text"));
        assertTrue(rejection("{\"machine\":\"http://n:6080/arcgis\",\"createCluster\":\"yes\"}").contains("true or false"));
        assertTrue(rejection("{\"machine\":\"http://n:6080/arcgis\",\"cluster\":\"a/b\"}").contains("letters, digits"));
    }
}
