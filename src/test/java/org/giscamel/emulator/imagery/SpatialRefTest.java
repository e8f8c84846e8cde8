package org.giscamel.emulator.imagery;

import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpatialRefTest {

    @Test
    void degreesBecomeWebMercatorMetresAndBack() {
        double[] metres = SpatialRef.WGS84.to(SpatialRef.WEB_MERCATOR).apply(10, 10);
        assertEquals(1_113_194.908, metres[0], 1e-3);
        assertEquals(1_118_889.975, metres[1], 1e-3);
        assertArrayEquals(new double[]{10, 10}, SpatialRef.WEB_MERCATOR.to(SpatialRef.WGS84).apply(metres[0], metres[1]), 1e-9);
    }

    @Test
    void theMercatorPolesAreClampedWhereTheMapIsSquare() {
        Extent world = SpatialRef.WGS84.to(SpatialRef.WEB_MERCATOR).apply(new Extent(-180, -90, 180, 90));
        assertEquals(world.width(), world.height(), 1e-3);
    }

    @Test
    void parametersNameAWkidOrASpatialReferenceObject() {
        assertEquals(SpatialRef.WEB_MERCATOR, SpatialRef.parse("imageSR", "3857"));
        assertEquals(SpatialRef.WEB_MERCATOR, SpatialRef.parse("imageSR", "102100"));
        assertEquals(SpatialRef.WGS84, SpatialRef.parse("bboxSR", " 4326 "));
        assertEquals(new SpatialRef(102100, 3857), SpatialRef.parse("bboxSR", "{\"wkid\":102100,\"latestWkid\":3857}"));
        assertEquals(2056, SpatialRef.parse("bboxSR", "{\"wkid\":2056}").wkid());
        assertThrows(BadRequestException.class, () -> SpatialRef.parse("bboxSR", "EPSG:4326"));
        assertThrows(BadRequestException.class, () -> SpatialRef.parse("bboxSR", "{\"wkt\":\"GEOGCS[..]\"}"));
    }

    @Test
    void theSameSystemUnderAnotherWkidNeedsNoConversionAndAnUnknownPairIsRefused() {
        SpatialRef nad83 = SpatialRef.fromJson(Json.object().put("wkid", 4269));
        assertArrayEquals(new double[]{7, 46}, nad83.to(SpatialRef.WGS84).apply(7, 46));
        SpatialRef swiss = new SpatialRef(2056, 2056);
        assertArrayEquals(new double[]{2_600_000, 1_200_000}, swiss.to(swiss).apply(2_600_000, 1_200_000));
        BadRequestException refused = assertThrows(BadRequestException.class, () -> swiss.to(SpatialRef.WGS84));
        assertTrue(refused.getMessage().contains("2056"), refused.getMessage());
    }
}
