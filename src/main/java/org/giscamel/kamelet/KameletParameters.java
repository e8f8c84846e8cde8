package org.giscamel.kamelet;

import org.giscamel.config.GisSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters a Kamelet hands to its bean, checked with the same rules (and the same wording) as the
 * {@code gis.*} keys, so a wrong value stops start-up with a message naming the Kamelet and the parameter.
 */
final class KameletParameters {

    private final String prefix;
    private final Map<String, String> values = new HashMap<>();
    private final GisSettings settings;

    KameletParameters(String kamelet) {
        this.prefix = "kamelet " + kamelet + " parameter ";
        this.settings = new GisSettings(key -> Optional.ofNullable(values.get(key.substring(prefix.length()))));
    }

    void put(String name, String value) {
        values.put(name, value);
    }

    /** The key under which {@link #settings()} reads a parameter, and problems name it. */
    String key(String name) {
        return prefix + name;
    }

    GisSettings settings() {
        return settings;
    }
}
