package org.giscamel.config;

import org.apache.camel.spi.PropertiesComponent;
import org.quartz.CronExpression;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed, validated access to the {@code gis.*} configuration. Values are resolved by Camel's properties
 * component, so a JVM {@code -Dgis.x} beats the environment variable {@code GIS_X}, which beats the file.
 * Each getter records a problem that names the key instead of throwing, so that one start-up reports every
 * wrong value at once; {@link #requireValid()} then stops start-up.
 */
public final class GisSettings {

    private final Function<String, Optional<String>> resolver;
    private final List<String> problems = new ArrayList<>();

    public GisSettings(Function<String, Optional<String>> resolver) {
        this.resolver = resolver;
    }

    public static GisSettings of(PropertiesComponent properties) {
        return new GisSettings(properties::resolveProperty);
    }

    /** The trimmed value, empty when the key is absent or blank. */
    public Optional<String> optional(String key) {
        return resolver.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    /** A value that must be present; records a problem and returns "" when it is not. */
    public String required(String key, String why) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            problems.add(key + " is required " + why + " but is not set");
        }
        return value.orElse("");
    }

    /** A secret that must be present; the problem text says where secrets come from, never a value. */
    public String requiredSecret(String key, String why) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            problems.add(key + " is required " + why + " but is not set; set the environment variable "
                    + environmentName(key) + " or put it in config/secrets.properties");
        }
        return value.orElse("");
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                problems.add(key + " must be between " + min + " and " + max + " but is " + parsed);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number but is '" + value.get() + "'");
            return defaultValue;
        }
    }

    public int port(String key, int defaultValue) {
        return integer(key, defaultValue, 0, 65535);
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value.get());
            if (parsed < min || parsed > max) {
                problems.add(key + " must be between " + min + " and " + max + " but is " + parsed);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number but is '" + value.get() + "'");
            return defaultValue;
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(key + " must be true or false but is '" + value.get() + "'");
            return defaultValue;
        }
        return Boolean.parseBoolean(v);
    }

    /** A duration written as {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms} or ISO-8601 ({@code PT30S}). */
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Optional<Duration> parsed = parseDuration(value.get());
        if (parsed.isEmpty()) {
            problems.add(key + " must be a duration such as 500ms, 30s, 5m or 2h but is '" + value.get() + "'");
            return defaultValue;
        }
        return parsed.get();
    }

    static Optional<Duration> parseDuration(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Optional.of(Duration.parse(v.toUpperCase(Locale.ROOT)));
            }
            if (v.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim())));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1).trim());
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Optional.of(Duration.ofSeconds(amount));
                case 'm' -> Optional.of(Duration.ofMinutes(amount));
                case 'h' -> Optional.of(Duration.ofHours(amount));
                case 'd' -> Optional.of(Duration.ofDays(amount));
                default -> Optional.empty();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** An absolute http(s) URL without a trailing slash, or empty when the key is not set. */
    public Optional<String> httpUrl(String key) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(key + " must be an http:// or https:// URL with a host but is '" + value.get() + "'");
                return Optional.empty();
            }
            if (uri.getRawQuery() != null || uri.getUserInfo() != null) {
                problems.add(key + " must not carry a query or credentials (put credentials in their own keys)");
                return Optional.empty();
            }
            String url = value.get();
            return Optional.of(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            problems.add(key + " is not a valid URL: " + e.getReason());
            return Optional.empty();
        }
    }

    /**
     * A folder the application reads and writes, created when missing: it must be a readable, writable folder if
     * it exists, and otherwise creatable (its nearest existing parent writable).
     */
    public Path folder(String key, String defaultValue) {
        Path folder = Path.of(string(key, defaultValue));
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            problems.add(key + " names " + folder + ", which cannot be created");
        } else if (existing.equals(folder.toAbsolutePath())) {
            if (!Files.isDirectory(folder) || !Files.isReadable(folder) || !Files.isWritable(folder)) {
                problems.add(key + " names " + folder + ", which is not a folder this application can read and write");
            }
        } else if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
            problems.add(key + " names " + folder + ", which does not exist and cannot be created in " + existing);
        }
        return folder;
    }

    /** A Quartz cron expression (seconds first, e.g. {@code 0 0 * * * ?}). */
    public String cron(String key, String defaultValue) {
        String value = string(key, defaultValue);
        if (!CronExpression.isValidExpression(value)) {
            problems.add(key + " must be a Quartz cron expression such as 0 0 * * * ? (seconds minutes hours "
                    + "day-of-month month day-of-week) but is '" + value + "'");
            return defaultValue;
        }
        return value;
    }

    /** One of the allowed words, case-insensitive. */
    public String choice(String key, String defaultValue, String... allowed) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.get())) {
                return a;
            }
        }
        problems.add(key + " must be one of " + String.join(", ", allowed) + " but is '" + value.get() + "'");
        return defaultValue;
    }

    public void problem(String text) {
        problems.add(text);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void requireValid() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /** The environment variable that overrides a key: upper case, dots and dashes as underscores. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
