package org.giscamel.emulator.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The switches of an emulator's unverified behaviours. Where no source says how a real server answers, an emulator
 * does not pick one answer: each plausible answer is a value of a switch, so that the flows are tested against all
 * of them ({@code docs/server-assumptions.md} lists every switch, its values and the test that covers it).
 *
 * <p>A variants object is a plain bean of public volatile fields. Its values are set from Java, from
 * {@code gis.emulator.<emulator>.<kebab-name>} keys, and at run time through the control API:
 * {@code GET /__emulator/variants} shows them, {@code POST /__emulator/variants?profile=strict&name=value} first
 * takes a whole named profile, then single values. Enum values are read case-insensitively, with {@code -} for
 * {@code _}.
 */
public final class Variants {

    /** The profile whose answers are the most forgiving plausible ones everywhere. */
    public static final String LENIENT = "lenient";
    /** The profile whose answers are the harshest plausible ones everywhere; the emulators' default. */
    public static final String STRICT = "strict";
    public static final List<String> PROFILES = List.of(LENIENT, STRICT);

    static final String PATH = "/__emulator/variants";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // an emulator without any switch yet (iPortal's) shows {} instead of failing the emulators' start
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Variants() {
    }

    /** Checks a profile name, so that a typo fails instead of silently keeping the default. */
    public static String profileName(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        if (!PROFILES.contains(normalized)) {
            throw new BadRequestException("Unknown emulator profile '" + name + "'; known: " + String.join(", ", PROFILES));
        }
        return normalized;
    }

    /** Copies every value of {@code from} into {@code target}, which must be of the same class. */
    public static void copy(Object from, Object target) {
        update(target, MAPPER.valueToTree(from));
    }

    /**
     * Applies named values to {@code target}: names in camelCase or kebab-case, values as strings.
     *
     * @throws BadRequestException naming the first unknown name or invalid value
     */
    public static void apply(Object target, Map<String, String> values) {
        ObjectNode node = MAPPER.createObjectNode();
        values.forEach((name, value) -> node.put(camelCase(name), enumSpelling(value)));
        update(target, node);
    }

    /** The variant values of {@code target} read from {@code <prefix><kebab-name>} keys that are set. */
    public static Map<String, String> fromKeys(Object target, String prefix, Function<String, Optional<String>> keys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names(target)) {
            keys.apply(prefix + kebabCase(name)).map(String::trim).filter(v -> !v.isEmpty())
                    .ifPresent(value -> values.put(name, value));
        }
        return values;
    }

    /** The switches' names, camelCase, in declaration order. */
    public static List<String> names(Object target) {
        List<String> names = new ArrayList<>();
        MAPPER.valueToTree(target).fieldNames().forEachRemaining(names::add);
        return names;
    }

    public static ObjectNode toJson(Object target) {
        return MAPPER.valueToTree(target);
    }

    /**
     * Serves the control API for one variants object: {@code GET} shows it, {@code POST} applies {@code profile}
     * first (through {@code profiles}), then the other parameters.
     */
    public static <T> void register(Router router, T target, Function<String, T> profiles) {
        router.get(PATH, request -> EmulatorResponse.json(toJson(target)));
        router.post(PATH, request -> {
            Map<String, String> values = new LinkedHashMap<>(request.params());
            values.remove("f");
            String profile = values.remove("profile");
            if (profile != null) {
                copy(profiles.apply(profileName(profile)), target);
            }
            apply(target, values);
            return EmulatorResponse.json(toJson(target));
        });
    }

    public static String kebabCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.trim().toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code invalid-site} reads as the enum constant {@code INVALID_SITE}; numbers and booleans pass unchanged. */
    private static String enumSpelling(String value) {
        return value.trim().replace('-', '_');
    }

    private static void update(Object target, com.fasterxml.jackson.databind.JsonNode values) {
        try {
            MAPPER.readerForUpdating(target).readValue(values);
        } catch (JsonMappingException e) {
            throw new BadRequestException("Invalid emulator variant: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("Invalid emulator variants");
        }
    }
}
