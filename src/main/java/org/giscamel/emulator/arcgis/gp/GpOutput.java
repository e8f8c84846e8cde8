package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.imagery.Extent;

/** The value of one output parameter of a finished job. */
public sealed interface GpOutput {

    /** A literal or JSON value returned as is (GPLong, GPString, GPRecordSet, ..). */
    record Literal(JsonNode value) implements GpOutput {
    }

    /** A featureSet (GPFeatureRecordSetLayer); drawable by the result map service. */
    record Features(ObjectNode featureSet, Extent extent) implements GpOutput {
    }

    /** A raster file (GPRasterDataLayer); {@code pixel} gives the value at normalised (u, v) for map drawing. */
    record Raster(GpFile file, Extent extent, RasterPixels pixels) implements GpOutput {
    }

    /** Any other file (GPDataFile). */
    record DataFile(GpFile file) implements GpOutput {
    }

    /** Pixel value (0..255) at column u, row v of a raster, both in [0, 1). */
    @FunctionalInterface
    interface RasterPixels {
        int value(double u, double v);
    }
}
