package org.giscamel.gp.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputNamesTest {

    private static final String FALLBACK = "Output_File.dat";

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "buffer_report.txt            | buffer_report.txt",
            "Überflutung 2024.tif         | Überflutung 2024.tif",
            "scratch/out/rgb.tif          | rgb.tif",
            "/etc/passwd                  | passwd",
            "C:\\arcgis\\jobs\\out.tif    | out.tif",
            "C:out.tif                    | C_out.tif",
            ".hidden.tif                  | hidden.tif",
            "report.txt.                  | report.txt",
            "CON.txt                      | _CON.txt",
            "nul                          | _nul",
            "./out.tif                    | out.tif",
            "...                          | Output_File.dat",
            "dir/                         | Output_File.dat"})
    void serverNamesBecomePlainFileNames(String serverName, String expected) {
        assertEquals(expected, OutputNames.fileName(serverName, FALLBACK));
    }

    @Test
    void charactersWindowsReservesAreReplaced() {
        assertEquals("a_b_c_d_e_f_g_h.txt", OutputNames.fileName("a<b>c:d\"e|f?g*h.txt", FALLBACK));
    }

    @Test
    void controlCharactersAreReplaced() {
        assertEquals("a_b_c.txt", OutputNames.fileName("a\nb\u0000c.txt", FALLBACK));
        assertEquals("evil_txt.exe", OutputNames.fileName("evil\u202Etxt.exe", FALLBACK));
    }

    @Test
    void nothingUsableGivesTheFallback() {
        assertEquals(FALLBACK, OutputNames.fileName("", FALLBACK));
        assertEquals(FALLBACK, OutputNames.fileName(null, FALLBACK));
        assertEquals(FALLBACK, OutputNames.fileName("  ", FALLBACK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../evil.tif", "../../etc/cron.d/job", "a/../../b.txt", "..\\evil.tif", "x/.. /y"})
    void aNameThatClimbsOutIsRefused(String serverName) {
        UnsafeOutputNameException e = assertThrows(UnsafeOutputNameException.class,
                () -> OutputNames.fileName(serverName, FALLBACK));

        assertEquals("refused output name '" + serverName + "': it would leave the output folder", e.getMessage());
    }

    @Test
    void theRefusalDoesNotEchoControlCharacters() {
        UnsafeOutputNameException e = assertThrows(UnsafeOutputNameException.class,
                () -> OutputNames.fileName("../x\n\ry", FALLBACK));

        assertEquals("refused output name '../x??y': it would leave the output folder", e.getMessage());
    }

    @Test
    void aLongNameIsCutButKeepsItsExtension() {
        String name = OutputNames.fileName("ä".repeat(300) + ".tif", FALLBACK);

        assertTrue(name.endsWith("ääää.tif"), name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 240, name.length() + " chars");
        assertEquals(240, name.getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://gis.example.com/arcgis/rest/directories/arcgisjobs/svc_gpserver/j1/scratch/rgb.tif | rgb.tif",
            "https://host/arcgis/rest/directories/arcgisoutput/Svc_GPServer/_ags_out.tif?token=abc#x | _ags_out.tif",
            "https://host/dir/my%20report%2B1.txt            | my report+1.txt",
            "https://host/dir/a+b.txt                         | a+b.txt",
            "https://host/dir/%C3%9Cberflutung.tif           | Überflutung.tif",
            "https://host/dir/bad%ZZname.txt                  | bad%ZZname.txt",
            "https://host/dir/                                | Output_File.dat",
            "https://host                                     | Output_File.dat",
            "relative/path/out.csv                            | out.csv"})
    void urlsGiveTheirLastSegment(String url, String expected) {
        assertEquals(expected, OutputNames.fromUrl(url, FALLBACK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://host/scratch/..%2F..%2Fevil.tif", "https://host/scratch/%2E%2E",
            "https://host/scratch/..", "https://host/scratch/..%5Cevil.tif"})
    void aUrlWhoseNameClimbsOutIsRefused(String url) {
        assertThrows(UnsafeOutputNameException.class, () -> OutputNames.fromUrl(url, FALLBACK));
    }

    @Test
    void aNameResolvesInsideTheFolder(@org.junit.jupiter.api.io.TempDir Path folder) {
        assertEquals(folder.toAbsolutePath().normalize().resolve("out.tif"), OutputNames.resolveInside(folder, "out.tif"));
        assertEquals(folder.toAbsolutePath().normalize().resolve("b.tif"),
                OutputNames.resolveInside(folder, "a/../b.tif"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.tif", "a/../../escape.tif", ".", ""})
    void aPathOutsideTheFolderIsRefused(String name, @org.junit.jupiter.api.io.TempDir Path folder) {
        UnsafeOutputNameException e = assertThrows(UnsafeOutputNameException.class,
                () -> OutputNames.resolveInside(folder, name));

        assertEquals("refused output name '" + name + "': it resolves outside the output folder "
                + folder.toAbsolutePath().normalize(), e.getMessage());
    }

    @Test
    void anAbsolutePathIsRefused(@org.junit.jupiter.api.io.TempDir Path folder) {
        assertThrows(UnsafeOutputNameException.class, () -> OutputNames.resolveInside(folder, "/etc/passwd"));
    }
}
