package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A GPLinearUnit value: {@code {"distance":15000,"units":"esriMeters"}}, or arcpy's {@code "5 Feet"}. */
record LinearUnit(double distance, String units) {

    private static final double METRES_PER_DEGREE = 2 * Math.PI * 6378137 / 360;

    private static final Map<String, Double> METRES = Map.ofEntries(
            Map.entry("esriMeters", 1.0), Map.entry("esriKilometers", 1000.0), Map.entry("esriCentimeters", 0.01),
            Map.entry("esriMillimeters", 0.001), Map.entry("esriDecimeters", 0.1), Map.entry("esriFeet", 0.3048),
            Map.entry("esriYards", 0.9144), Map.entry("esriInches", 0.0254), Map.entry("esriMiles", 1609.344),
            Map.entry("esriNauticalMiles", 1852.0), Map.entry("esriDecimalDegrees", METRES_PER_DEGREE),
            Map.entry("esriUnknownUnits", 1.0));

    /** Empty when the value is not a linear unit the emulator knows. */
    static Optional<LinearUnit> parse(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(new LinearUnit(value.asDouble(), "esriMeters"));
        }
        if (value.isObject() && value.path("distance").isNumber()) {
            String units = value.path("units").asText("esriMeters");
            return METRES.containsKey(units) ? Optional.of(new LinearUnit(value.get("distance").asDouble(), units))
                    : Optional.empty();
        }
        if (value.isTextual()) {
            String[] parts = value.asText().trim().split("\\s+");
            try {
                double distance = Double.parseDouble(parts[0]);
                String unit = parts.length > 1 ? fromWord(parts[1]) : "esriMeters";
                return unit == null ? Optional.empty() : Optional.of(new LinearUnit(distance, unit));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String fromWord(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("s$", "").replace("metre", "meter");
        return METRES.keySet().stream()
                .filter(k -> k.toLowerCase(Locale.ROOT).equals("esri" + w + "s") || k.toLowerCase(Locale.ROOT).equals("esri" + w))
                .findFirst().orElse(null);
    }

    double metres() {
        return distance * METRES.get(units);
    }

    static double metresPerDegree() {
        return METRES_PER_DEGREE;
    }

    @Override
    public String toString() {
        return distance + " " + units;
    }
}
