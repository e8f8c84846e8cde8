package org.giscamel.gp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The format a dropped file goes in, chosen from those a WPS process input takes. */
class WpsInputsTest {

    private static final WpsFormat GML = new WpsFormat("application/gml+xml", "", "");
    private static final WpsFormat GML_311 = new WpsFormat("text/xml; subtype=gml/3.1.1", "UTF-8", "");
    private static final WpsFormat GEOJSON = new WpsFormat("application/geo+json", "", "");
    private static final WpsFormat VND_GEOJSON = new WpsFormat("application/vnd.geo+json", "", "");
    private static final WpsFormat JSON = new WpsFormat("application/json", "", "");
    private static final WpsFormat TIFF = new WpsFormat("image/tiff", "", "");
    private static final WpsFormat TIFF_BASE64 = new WpsFormat("image/tiff", "base64", "");

    private static Optional<WpsFormat> format(String name, WpsFormat... formats) {
        return WpsInputs.format(List.of(formats), name);
    }

    @Test
    void theFilesOwnTypeWinsOverTheDefaultFormat() {
        assertEquals(Optional.of(GEOJSON), format("sites.geojson", GML, GEOJSON));
        assertEquals(Optional.of(GML), format("sites.gml", GML_311, GML));
        assertEquals(Optional.of(JSON), format("sites.json", GEOJSON, JSON));
    }

    @Test
    void withoutItsTypeTheFirstFormatOfItsKindIsTaken() {
        assertEquals(Optional.of(VND_GEOJSON), format("sites.json", GML, VND_GEOJSON));
        assertEquals(Optional.of(VND_GEOJSON), format("sites.geojson", GML, VND_GEOJSON, JSON));
        assertEquals(Optional.of(GML_311), format("sites.gml", GEOJSON, GML_311));
        assertEquals(Optional.of(GML_311), format("SITES.XML", GEOJSON, GML_311), "extension in any case");
    }

    @Test
    void mimeTypeParametersAndCaseDoNotHideTheType() {
        WpsFormat upper = new WpsFormat("Application/GEO+JSON; charset=UTF-8", "", "");
        assertEquals(Optional.of(upper), format("sites.geojson", JSON, upper));
    }

    @Test
    void otherFilesNeedTheirExactTypeAndContentIsNeverBase64() {
        assertEquals(Optional.of(TIFF), format("dem.tif", TIFF_BASE64, TIFF));
        assertEquals(Optional.empty(), format("dem.tif", TIFF_BASE64, GEOJSON));
        assertEquals(Optional.empty(), format("table.csv", JSON, GML));
        assertEquals(Optional.empty(), format("noextension", JSON, GML, TIFF));
    }
}
