package org.giscamel.gp.input;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpInputSettingsTest {

    @Test
    void extensionsMayBeWrittenWithDotsSpacesAndAnyCase() {
        assertEquals(Set.of("tif", "tiff", "zip"), GpInputSettings.parseExtensions(" tif, .TIFF ,zip,, "));
    }

    @Test
    void defaultsUploadRastersAndArchivesAndAssumeWgs84() {
        GpInputSettings defaults = GpInputSettings.defaults();

        assertTrue(defaults.uploadExtensions().containsAll(Set.of("tif", "tiff", "zip", "csv", "txt", "gpkg")));
        assertEquals(4326, defaults.defaultWkid());
        assertEquals(20L * 1024 * 1024, defaults.maxFeatureFileBytes());
    }

    @Test
    void theSizeLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GpInputSettings(Set.of(), 0, 4326));

        assertEquals("maxFeatureFileBytes must be positive, got 0", e.getMessage());
    }
}
