package org.giscamel.sitejoin;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteDeclarationTest {

    private static String rejection(String yaml) {
        return assertThrows(InvalidSiteJoinRequestException.class, () -> SiteDeclaration.parse(yaml, "site.yaml")).getMessage();
    }

    @Test
    void machinesAreReadByAdminUrlWithTheirClusters() {
        SiteDeclaration declaration = SiteDeclaration.parse("""
                removeUndeclared: true
                machines:
                  - adminUrl: https://node1.example.com:6443/arcgis/admin
                    cluster: default
                  - adminUrl: "https://node2.example.com:6443/arcgis/admin/"
                """, "site.yaml");

        assertTrue(declaration.removeUndeclared());
        assertEquals(List.of(URI.create("https://node1.example.com:6443/arcgis/admin"),
                URI.create("https://node2.example.com:6443/arcgis/admin")),
                declaration.machines().stream().map(SiteDeclaration.DeclaredMachine::adminUrl).toList());
        assertEquals(Optional.of("default"), declaration.machines().get(0).cluster());
        assertEquals(Optional.empty(), declaration.machines().get(1).cluster());
        assertEquals(URI.create("https://node2.example.com:6443/arcgis"), declaration.machines().get(1).siteRoot());
    }

    @Test
    void removeUndeclaredIsOffUnlessSaid() {
        assertFalse(SiteDeclaration.parse("machines: [{adminUrl: 'http://n:6080/arcgis/admin'}]", "site.yaml").removeUndeclared());
    }

    @Test
    void eachProblemSaysWhereItIs() {
        assertTrue(rejection("machines: [").contains("site.yaml is not valid YAML"));
        assertTrue(rejection("- a\n- b").contains("must be a mapping"));
        assertTrue(rejection("removeUndeclared: true").contains("needs \"machines\""));
        assertTrue(rejection("machines: []").contains("needs \"machines\""));
        assertTrue(rejection("machines: [{adminUrl: 'http://n:6080/arcgis/admin'}]\nremoveUndeclard: true")
                .contains("has unknown fields [removeUndeclard]"));
        assertTrue(rejection("machines: [{adminUrl: 'http://n:6080/arcgis/admin', clustr: a}]")
                .contains("machines[1] has unknown fields [clustr]"));
        assertTrue(rejection("machines: [{cluster: a}]").contains("machines[1] needs adminUrl"));
        assertTrue(rejection("machines: [{adminUrl: 'http://n:6080/arcgis'}]").contains("ending in /admin"));
        assertTrue(rejection("machines: [{adminUrl: 'ftp://n/arcgis/admin'}]").contains("machines[1]: the machine URL must be an http"));
        assertTrue(rejection("machines: [{adminUrl: 'http://n:6080/arcgis/admin', cluster: 'a b'}]").contains("letters, digits"));
        assertTrue(rejection("machines: [{adminUrl: 'http://n:6080/arcgis/admin'}]\nremoveUndeclared: yes please")
                .contains("true or false"));
    }

    @Test
    void aMachineDeclaredTwiceUnderTwoSpellingsIsRefused() {
        String message = rejection("""
                machines:
                  - adminUrl: http://NODE1:80/arcgis/admin
                  - adminUrl: http://node1/arcgis/admin
                """);

        assertTrue(message.contains("declares http://NODE1:80/arcgis/admin twice"), message);
    }
}
