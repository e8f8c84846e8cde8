package org.giscamel.emulator.http;

import org.giscamel.emulator.arcgis.ArcGisVariants;
import org.giscamel.emulator.iportal.IPortalVariants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VariantsTest {

    @Test
    void anEmulatorWithoutSwitchesShowsAnEmptyObjectAndHasNoKeys() {
        IPortalVariants none = IPortalVariants.strict();
        assertEquals("{}", Variants.toJson(none).toString());
        assertEquals(List.of(), Variants.names(none));
        assertEquals(Map.of(), Variants.fromKeys(none, "gis.emulator.iportal.", key -> Optional.of("x")));
        Variants.copy(IPortalVariants.lenient(), none);
    }

    @Test
    void kebabNamesAndEnumSpellingsApplyAndUnknownNamesAreRefused() {
        ArcGisVariants variants = ArcGisVariants.strict();
        Variants.apply(variants, Map.of("json-content-type", "application-json", "results-lag-reads", " 0 "));
        assertEquals(ArcGisVariants.JsonContentType.APPLICATION_JSON, variants.jsonContentType);
        assertEquals(0, variants.resultsLagReads);
        assertThrows(BadRequestException.class, () -> Variants.apply(variants, Map.of("no-such-switch", "1")));
    }
}
