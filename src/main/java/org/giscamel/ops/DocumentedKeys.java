package org.giscamel.ops;

import org.giscamel.config.GisSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code gis.*} keys the shipped {@code config/application.properties} documents, so that a key it does not
 * know is caught as a typo. That file is the one list: a key is documented when it is set there, shown in a
 * commented-out example line ({@code #gis.harvest.source.main.marker = ...}), named in a comment, or named by its
 * environment variable (secrets, which never go in the file, such as {@code GIS_ARCGIS_PASSWORD}). A harvest
 * source's own key {@code gis.harvest.source.<id>.<key>} is known when {@code gis.harvest.<key>} is, or when the
 * file documents {@code <key>} for some source.
 *
 * <p>Keys compare as their environment variable names do (case, dots and dashes aside), as Camel resolves them.
 */
public final class DocumentedKeys {

    /** Where the build packs the shipped configuration ({@code config/application.properties}). */
    public static final String RESOURCE = "gis-camel-routes/application.properties";

    private static final Pattern KEY = Pattern.compile(
            "gis\\.[A-Za-z0-9_.<>-]*[A-Za-z0-9_>-](?![A-Za-z0-9_<>*-])(?!\\.[A-Za-z0-9_<>*])");
    private static final Pattern VARIABLE = Pattern.compile("\\bGIS_[A-Z0-9_]*[A-Z0-9]\\b");
    private static final Pattern SOURCE_KEY = Pattern.compile("gis\\.harvest\\.source\\.([^.]+)\\.(.+)");
    private static final String SOURCE_VARIABLE = "GIS_HARVEST_SOURCE_";

    /** Documented keys as written, for suggestions. */
    private final Set<String> keys = new LinkedHashSet<>();
    /** The same keys and the documented environment variables, as variable names. */
    private final Set<String> variables = new LinkedHashSet<>();
    /** Keys a source may set for itself ({@code marker}, {@code arcgis-url}, {@code include}...). */
    private final Set<String> sourceKeys = new LinkedHashSet<>();

    private DocumentedKeys() {
    }

    /** The shipped configuration, from the classpath. */
    public static DocumentedKeys load() {
        try (InputStream in = DocumentedKeys.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; the build packs "
                        + "config/application.properties there");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DocumentedKeys parse(String properties) {
        DocumentedKeys documented = new DocumentedKeys();
        Matcher key = KEY.matcher(properties);
        while (key.find()) {
            documented.addKey(key.group());
        }
        Matcher variable = VARIABLE.matcher(properties);
        while (variable.find()) {
            documented.variables.add(variable.group());
        }
        documented.keys.stream().map(DocumentedKeys::harvestKey).flatMap(Optional::stream)
                .forEach(documented.sourceKeys::add);
        return documented;
    }

    private void addKey(String key) {
        Matcher source = SOURCE_KEY.matcher(key);
        if (source.matches() && !source.group(2).contains("<")) {
            sourceKeys.add(source.group(2));
        } else if (!key.contains("<")) {
            keys.add(key);
            variables.add(GisSettings.environmentName(key));
        }
    }

    /** {@code gis.harvest.cron} → {@code cron}: every shared harvest key may also be set per source. */
    private static Optional<String> harvestKey(String key) {
        String prefix = "gis.harvest.";
        return key.startsWith(prefix) ? Optional.of(key.substring(prefix.length())) : Optional.empty();
    }

    public boolean isKnown(String key) {
        if (variables.contains(GisSettings.environmentName(key))) {
            return true;
        }
        Matcher source = SOURCE_KEY.matcher(key);
        return source.matches() && sourceKeys.stream().anyMatch(k ->
                GisSettings.environmentName(k).equals(GisSettings.environmentName(source.group(2))));
    }

    /** An environment variable such as {@code GIS_HARVEST_SOURCE_EAST_MARKER}. */
    public boolean isKnownVariable(String name) {
        if (variables.contains(name)) {
            return true;
        }
        return name.startsWith(SOURCE_VARIABLE) && sourceKeys.stream().map(GisSettings::environmentName)
                .anyMatch(k -> name.endsWith("_" + k) && name.length() > SOURCE_VARIABLE.length() + k.length() + 1);
    }

    /**
     * The documented key nearest to a mistyped key or environment variable, when it is near enough to be what was
     * meant.
     */
    public Optional<String> nearest(String typed) {
        String name = GisSettings.environmentName(typed);
        return keys.stream()
                .min(Comparator.comparingInt((String k) -> distance(name, GisSettings.environmentName(k))))
                .filter(k -> distance(name, GisSettings.environmentName(k)) <= Math.max(2, name.length() / 8));
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
