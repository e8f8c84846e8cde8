package org.giscamel.gp.output;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GpOutputKindTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "GPFeatureRecordSetLayer, FEATURES",
            "GPRecordSet, FEATURES",
            "GPRasterDataLayer, RASTER",
            "GPRasterData, RASTER",
            "GPDataFile, DATA_FILE",
            "GPString, LITERAL",
            "GPLong, LITERAL",
            "GPDouble, LITERAL",
            "GPBoolean, LITERAL",
            "GPLinearUnit, LITERAL",
            "GPArealUnit, LITERAL",
            "GPDate, LITERAL",
            "GPMultiValue:GPString, LITERAL",
            "GPSomethingNew, LITERAL",
            "'', LITERAL"})
    void dataTypesDecideHowAnOutputIsSaved(String dataType, GpOutputKind expected) {
        assertEquals(expected, GpOutputKind.of(dataType));
    }

    @org.junit.jupiter.api.Test
    void aMissingDataTypeIsALiteral() {
        assertEquals(GpOutputKind.LITERAL, GpOutputKind.of(null));
    }
}
