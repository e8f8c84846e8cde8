package org.giscamel.arcgis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceFilterTest {

    private static final Set<String> MAPS = Set.of("MapServer", "FeatureServer");

    @Test
    void takesOnlyTheListedTypesWhateverTheirCase() {
        ServiceFilter filter = new ServiceFilter(Set.of("mapserver"), List.of("**"), List.of());

        assertTrue(filter.accepts(new ServiceRef("Basemaps/Streets", "MapServer")));
        assertFalse(filter.accepts(new ServiceRef("Demo/BufferPoints", "GPServer")));
    }

    @Test
    void aSingleStarStaysInOnePartAndADoubleStarCrossesFolders() {
        ServiceFilter rootOnly = new ServiceFilter(MAPS, List.of("*"), List.of());
        ServiceFilter everything = new ServiceFilter(MAPS, List.of("**"), List.of());

        assertTrue(rootOnly.accepts(new ServiceRef("Hydrography", "MapServer")));
        assertFalse(rootOnly.accepts(new ServiceRef("Basemaps/Streets", "MapServer")));
        assertTrue(everything.accepts(new ServiceRef("Basemaps/Streets", "MapServer")));
    }

    @Test
    void anExcludePatternWinsOverAnInclude() {
        ServiceFilter filter = new ServiceFilter(MAPS, List.of("Basemaps/*"), List.of("Basemaps/Test?"));

        assertTrue(filter.accepts(new ServiceRef("Basemaps/Streets", "MapServer")));
        assertFalse(filter.accepts(new ServiceRef("Basemaps/Test1", "MapServer")));
        assertFalse(filter.accepts(new ServiceRef("Other/Streets", "MapServer")));
    }

    @Test
    void aFolderThatNoPatternCanReachIsNotRead() {
        ServiceFilter filter = new ServiceFilter(MAPS, List.of("Basemaps/*", "Hydro*"), List.of("Utilities/**"));

        assertTrue(filter.mayTakeFrom("Basemaps"));
        assertFalse(filter.mayTakeFrom("Utilities"), "excluded as a whole");
        assertFalse(filter.mayTakeFrom("Secured"), "no include pattern names it; Hydro* is for the root");
    }

    @Test
    void aFolderIsReadWhenAPatternMightMatchInside() {
        ServiceFilter filter = new ServiceFilter(MAPS, List.of("**Parcels"), List.of("Secured/Old*"));

        assertTrue(filter.mayTakeFrom("Secured"));
        assertTrue(filter.accepts(new ServiceRef("Secured/Parcels", "MapServer")));
        assertFalse(filter.accepts(new ServiceRef("Secured/OldParcels", "MapServer")));
    }
}
