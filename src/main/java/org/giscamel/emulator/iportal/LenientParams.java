package org.giscamel.emulator.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads iPortal query parameters the way the server accepts them from SuperMap's own clients: arrays as JSON
 * ({@code tags=["a"]}) but also unquoted ({@code tags=[a]}, {@code types=[REALSPACE,MAP]}, from iClient 9.1.2
 * and SuperMap Online), and empty scalars ({@code userNames=&orderBy=}) meaning "no filter".
 */
final class LenientParams {

    private LenientParams() {
    }

    /** The elements of an array parameter; empty when absent, blank or {@code []}. A bare scalar is one element. */
    static List<String> strings(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String text = raw.trim();
        JsonNode json = Json.parseOrNull(text);
        if (json != null && json.isArray()) {
            List<String> out = new ArrayList<>();
            json.forEach(e -> out.add(e.isTextual() ? e.textValue() : e.toString()));
            return out;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            String inner = text.substring(1, text.length() - 1).trim();
            return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(","))
                    .map(String::trim).map(LenientParams::unquote).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(unquote(text));
    }

    static List<Integer> integers(String name, String raw) {
        return strings(raw).stream().map(s -> parseInt(name, s)).toList();
    }

    /** Upper-cased elements, each of which must be one of {@code allowed}. */
    static List<String> enums(String name, String raw, Set<String> allowed) {
        return strings(raw).stream().map(s -> enumValue(name, s, allowed).orElseThrow()).toList();
    }

    static Optional<String> enumValue(String name, String raw, Set<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = unquote(raw.trim()).toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new BadRequestException("Parameter '" + name + "' has an unknown value '" + raw.trim() + "'");
        }
        return Optional.of(value);
    }

    static Optional<Boolean> bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
        }
        throw new BadRequestException("Parameter '" + name + "' must be true or false");
    }

    static Optional<Integer> integer(String name, String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(parseInt(name, raw.trim()));
    }

    static Optional<Long> longValue(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Parameter '" + name + "' must be a number");
        }
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(unquote(value));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Parameter '" + name + "' must hold integers");
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
