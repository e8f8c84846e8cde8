package org.giscamel.ops;

import org.giscamel.config.ConfigFiles;
import org.giscamel.config.GisSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds the {@code gis.*} keys that are set but documented nowhere, which are almost always typos: a mistyped key
 * is otherwise silently ignored and its default used. Keys come from the configuration files, JVM flags and the
 * environment.
 */
public final class UnknownKeys {

    private final DocumentedKeys documented;

    public UnknownKeys(DocumentedKeys documented) {
        this.documented = documented;
    }

    /**
     * @param fileKeys      keys set in application.properties and secrets.properties
     * @param jvmProperties names of the JVM's system properties
     * @param variables     names of the environment variables
     * @return one problem per unknown key, with the documented key it probably meant
     */
    public List<String> find(Collection<String> fileKeys, Collection<String> jvmProperties,
                             Collection<String> variables) {
        List<String> problems = new ArrayList<>();
        fileKeys.stream().filter(UnknownKeys::isGisKey).sorted().filter(k -> !documented.isKnown(k))
                .forEach(k -> problems.add(k + " (configuration file) is not a known key" + suggestion(k, false)));
        jvmProperties.stream().filter(UnknownKeys::isGisKey).filter(k -> !k.equals(ConfigFiles.CONFIG_PROPERTY))
                .sorted().filter(k -> !documented.isKnown(k))
                .forEach(k -> problems.add("-D" + k + " is not a known key" + suggestion(k, false)));
        variables.stream().filter(v -> v.startsWith("GIS_")).sorted().filter(v -> !documented.isKnownVariable(v))
                .forEach(v -> problems.add("environment variable " + v + " is not a known key" + suggestion(v, true)));
        return problems;
    }

    private static boolean isGisKey(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith("gis.");
    }

    private String suggestion(String typed, boolean variable) {
        return documented.nearest(typed)
                .map(k -> "; did you mean " + (variable ? GisSettings.environmentName(k) : k) + "?")
                .orElse(" (the keys are documented in config/application.properties)");
    }
}
