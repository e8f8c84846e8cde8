package org.giscamel.emulator.arcgis.gp;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.function.IntSupplier;

/**
 * What the GP services take from the emulated site that hosts them.
 *
 * @param context         the site's web context, as in {@code http://host:6080/arcgis}
 * @param currentVersion  the {@code currentVersion} the site reports
 * @param resultsLagReads the site's switch of that name, read per request so that the control API changes it at once
 */
public record GpHost(Clock clock, String context, BigDecimal currentVersion, IntSupplier resultsLagReads) {
}
