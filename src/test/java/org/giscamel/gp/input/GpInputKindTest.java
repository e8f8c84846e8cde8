package org.giscamel.gp.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GpInputKindTest {

    private final GpInputSettings defaults = GpInputSettings.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"a.geojson", "a.json", "A.GeoJSON", "b.JSON", "/drop/x.y.json"})
    void jsonFilesAreFeatures(String name) {
        assertEquals(GpInputKind.FEATURES, GpInputKind.of(Path.of(name), defaults));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dem.tif", "DEM.TIFF", "shapes.zip", "table.csv", "notes.txt", "data.gpkg", "img.jp2"})
    void dataFilesAreUploads(String name) {
        assertEquals(GpInputKind.UPLOAD, GpInputKind.of(Path.of(name), defaults));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.docx", "README", ".tif", "archive.tar.gz", "run.exe"})
    void anythingElseIsUnsupported(String name) {
        GpInputException e = assertThrows(GpInputException.class, () -> GpInputKind.of(Path.of(name), defaults));

        assertEquals(GpInputException.Reason.UNSUPPORTED_FILE_TYPE, e.reason());
        assertEquals("unsupported-file-type", e.reasonCode());
    }

    @Test
    void theUploadListIsConfigurable() {
        GpInputSettings custom = new GpInputSettings(Set.of("dat"), 1000, 4326);

        assertEquals(GpInputKind.UPLOAD, GpInputKind.of(Path.of("x.dat"), custom));
        GpInputException e = assertThrows(GpInputException.class, () -> GpInputKind.of(Path.of("x.tif"), custom));
        assertEquals("x.tif: unsupported file type '.tif'; expected .geojson, .json or one of [.dat]", e.getMessage());
    }

    @Test
    void aFileWithoutExtensionSaysSo() {
        GpInputException e = assertThrows(GpInputException.class, () -> GpInputKind.of(Path.of("README"),
                new GpInputSettings(Set.of("zip"), 1000, 4326)));

        assertEquals("README: unsupported file type '(none)'; expected .geojson, .json or one of [.zip]",
                e.getMessage());
    }
}
