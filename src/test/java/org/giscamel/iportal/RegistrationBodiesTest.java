package org.giscamel.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RegistrationBodiesTest {

    private static final ServiceMetadata METADATA = new ServiceMetadata("Streets (MapServer)",
            "http://gis/arcgis/rest/services/Basemaps/Streets/MapServer", "Street map", "Esri", List.of("MapServer"),
            Optional.of(3857), Optional.of(new ServiceMetadata.Box(-180, 180, -85, 85)));

    @Test
    void anArcGisRegistrationCarriesTitleLinkageTagsAndNoMapNames() {
        JsonNode body = RegistrationBodies.create(RegistrationBodies.ARCGIS_REST, List.of("arcgis", "m"),
                Sharing.PUBLIC, METADATA, List.of("Layers"));

        assertEquals("ARCGIS_REST", body.path("type").asText());
        assertEquals("[\"arcgis\",\"m\"]", body.path("tags").toString());
        assertEquals("[{\"entityType\":\"USER\",\"entityName\":\"GUEST\",\"permissionType\":\"READ\"}]",
                body.path("authorizeSetting").toString());
        JsonNode ident = body.path("metadata").path("dataIdInfo").path("dataIdent");
        assertEquals("Streets (MapServer)", ident.path("idCitation").path("resTitle").asText());
        assertEquals("Street map", ident.path("idAbs").asText());
        assertEquals(-180, ident.path("dataExt").path("geoEle").path("geoBndBox").path("westBL").asDouble());
        assertEquals("3857", body.path("metadata").path("refSysInfo").path("refSysID").asText());
        assertEquals(METADATA.linkage(), body.path("metadata").path("distInfo").path("onLineSrc").path("linkage").asText());
        assertEquals("[]", body.path("addedMapNames").toString(), "map names are for SuperMap REST services only");
        assertEquals("[]", body.path("addedSceneNames").toString());
    }

    @Test
    void aSuperMapRegistrationKeepsItsMapNames() {
        JsonNode body = RegistrationBodies.create("SUPERMAP_REST", List.of(), Sharing.PRIVATE, METADATA,
                List.of("China"));

        assertEquals("[\"China\"]", body.path("addedMapNames").toString());
        assertEquals("[]", body.path("authorizeSetting").toString(), "private: owner and administrators only");
    }

    @Test
    void anUpdateCarriesOnlyTheFieldsIPortalUpdates() {
        JsonNode body = RegistrationBodies.update(List.of("arcgis"), Sharing.PUBLIC, METADATA);

        assertEquals(List.of("authorizeSetting", "tags", "metadata"), fieldNames(body));
        assertFalse(body.has("type"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
