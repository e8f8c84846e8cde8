package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpJobDeclarationTest {

    private static GpJobDeclaration valid() {
        GpJobDeclaration declaration = new GpJobDeclaration();
        declaration.setName("buffers");
        declaration.setTaskUrl("https://gis.example.com/arcgis/rest/services/Demo/BufferPoints/GPServer/BufferPoints");
        declaration.setInputParameter("Input_Features");
        declaration.setParameters("{\"Distance\": {\"distance\": 500, \"units\": \"esriMeters\"} }");
        declaration.setOutput("file:outbox/gp/buffers");
        return declaration;
    }

    @Test
    void aDeclarationBecomesTheSpecOfItsJobsWithTheTemplatesDefaults() {
        GpJobSpec spec = valid().spec();
        assertEquals("buffers", spec.name());
        assertEquals(500, spec.parameters().at("/Distance/distance").asInt());
        assertEquals(Optional.empty(), spec.mapImage());
        assertTrue(spec.returnData());
        assertEquals(Optional.empty(), spec.deadline());
        assertEquals(EnumSet.allOf(GpJobSpec.FeatureFormat.class), spec.featureFormats());
        assertEquals(4326, spec.inputWkid());
    }

    @Test
    void theOptionsAreReadAsDeclared() {
        GpJobDeclaration declaration = valid();
        declaration.setMapImage("true");
        declaration.setMapImageSize("1024,768");
        declaration.setMapImageFormat("jpg");
        declaration.setDeadline("45m");
        declaration.setFeatureFormats("geojson");
        GpJobSpec spec = declaration.spec();
        assertEquals(Optional.of(new GpJobSpec.MapImage(1024, 768, "jpg")), spec.mapImage());
        assertEquals(Optional.of(Duration.ofMinutes(45)), spec.deadline());
        assertEquals(EnumSet.of(GpJobSpec.FeatureFormat.GEOJSON), spec.featureFormats());
    }

    @Test
    void everyWrongValueIsReportedAtOnceNamingTheJobAndTheParameter() {
        GpJobDeclaration declaration = valid();
        declaration.setParameters("Distance=500");
        declaration.setMapImage("true");
        declaration.setMapImageSize("big");
        declaration.setDeadline("soon");
        ConfigurationException e = assertThrows(ConfigurationException.class, declaration::check);
        String message = e.getMessage();
        assertTrue(message.contains("gis-gp-job 'buffers' parameter parameters must be a JSON object"), message);
        assertTrue(message.contains("gis-gp-job 'buffers' parameter mapImageSize must be width,height"), message);
        assertTrue(message.contains("gis-gp-job 'buffers' parameter deadline must be a duration"), message);
    }

    @Test
    void aTaskUrlMustNameAGpTask() {
        GpJobDeclaration declaration = valid();
        declaration.setTaskUrl("https://gis.example.com/arcgis/rest/services/Demo/Map/MapServer");
        ConfigurationException e = assertThrows(ConfigurationException.class, declaration::check);
        assertTrue(e.getMessage().contains("GPServer/<task>"), e.getMessage());
    }

    @Test
    void aFileOutputKeepsItsEndpointOptionsButMustNameAFolder() {
        GpJobDeclaration declaration = valid();
        declaration.setOutput("file:outbox?chmod=640");
        assertEquals("file:outbox?chmod=640", declaration.spec().output());
        GpJobDeclaration noFolder = valid();
        noFolder.setOutput("file:?chmod=640");
        ConfigurationException e = assertThrows(ConfigurationException.class, noFolder::check);
        assertTrue(e.getMessage().contains("parameter output names no folder"), e.getMessage());
    }

    @Test
    void theSpecIsStoredAndReadBackUnchanged() {
        GpJobDeclaration declaration = valid();
        declaration.setMapImage("true");
        declaration.setDeadline("10m");
        GpJobSpec spec = declaration.spec();
        assertEquals(spec, GpJobSpec.fromJson(spec.toJson()));
    }

    private static GpJobDeclaration wps() {
        GpJobDeclaration declaration = valid();
        declaration.setBackend("wps");
        declaration.setTaskUrl("https://wps.example.com/wps");
        declaration.setProcess("features");
        return declaration;
    }

    @Test
    void aWpsJobPassesTheFilesContentUnlessItsWpsInputSaysName() {
        assertEquals(GpJobSpec.WpsInput.CONTENT, wps().spec().wpsInput());
        GpJobDeclaration byName = wps();
        byName.setWpsInput("NAME");
        GpJobSpec spec = byName.spec();
        assertEquals(GpJobSpec.WpsInput.NAME, spec.wpsInput());
        assertEquals(spec, GpJobSpec.fromJson(spec.toJson()));
    }

    @Test
    void wpsInputTakesContentOrNameAndNameOnlyForWps() {
        GpJobDeclaration wrong = wps();
        wrong.setWpsInput("file");
        ConfigurationException e = assertThrows(ConfigurationException.class, wrong::check);
        assertTrue(e.getMessage().contains("parameter wpsInput must be one of content, name"), e.getMessage());
        GpJobDeclaration arcgis = valid();
        arcgis.setWpsInput("name");
        e = assertThrows(ConfigurationException.class, arcgis::check);
        assertTrue(e.getMessage().contains("wpsInput: name applies to backend wps only"), e.getMessage());
    }

    @Test
    void aWpsJobStoredBeforeWpsInputExistedHadItsNamePassed() {
        GpJobSpec spec = wps().spec();
        ObjectNode stored = spec.toJson();
        stored.remove("wpsInput");
        assertEquals(GpJobSpec.WpsInput.NAME, GpJobSpec.fromJson(stored).wpsInput());
    }
}
