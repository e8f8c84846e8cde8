package org.giscamel.emulator.arcgis;

import java.math.BigDecimal;

/**
 * The emulated release in the three spellings ArcGIS Server uses: {@code currentversion} "11.1" (a string, admin),
 * {@code currentVersion} 11.1 (a number, REST; 10.8.1 becomes 10.81) and {@code fullVersion} "11.1.0".
 */
public record ArcGisVersion(String version) {

    public BigDecimal number() {
        String[] parts = version.split("\\.");
        StringBuilder decimals = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            decimals.append(parts[i]);
        }
        String digits = decimals.toString().replaceAll("0+$", "");
        return new BigDecimal(digits.isEmpty() ? parts[0] : parts[0] + "." + digits);
    }

    public String full() {
        return version.split("\\.").length == 2 ? version + ".0" : version;
    }
}
