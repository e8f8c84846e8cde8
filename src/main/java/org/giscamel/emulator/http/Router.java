package org.giscamel.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method + path patterns to handlers. Patterns use {@code {name}} for one segment and {@code {name:.+}} for
 * a regex, e.g. {@code /arcgis/rest/services/{service:.+}/GPServer/{task}/jobs/{jobId}}. Routes are tried in
 * registration order, so register specific routes before general ones.
 */
public final class Router {

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(?::([^}]+))?}");

    private record Route(Set<String> methods, Pattern pattern, List<String> names, EmulatorHandler handler) {
    }

    /** A handler together with the variables its pattern captured. */
    public record Match(EmulatorHandler handler, Map<String, String> variables) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Registers a handler for GET and POST: ArcGIS read resources answer both. */
    public Router read(String pattern, EmulatorHandler handler) {
        return on(Set.of("GET", "POST"), pattern, handler);
    }

    public Router get(String pattern, EmulatorHandler handler) {
        return on(Set.of("GET"), pattern, handler);
    }

    public Router post(String pattern, EmulatorHandler handler) {
        return on(Set.of("POST"), pattern, handler);
    }

    public Router put(String pattern, EmulatorHandler handler) {
        return on(Set.of("PUT"), pattern, handler);
    }

    public Router delete(String pattern, EmulatorHandler handler) {
        return on(Set.of("DELETE"), pattern, handler);
    }

    public Router on(Set<String> methods, String pattern, EmulatorHandler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start())));
            names.add(m.group(1));
            regex.append('(').append(m.group(2) == null ? "[^/]+" : m.group(2)).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        routes.add(new Route(methods, Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    /** The first route whose pattern matches; {@code methodAllowed} is false when only the method differs. */
    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Matcher m = route.pattern.matcher(path);
            if (m.matches() && route.methods.contains(method)) {
                Map<String, String> vars = new LinkedHashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    vars.put(route.names.get(i), m.group(i + 1));
                }
                return Optional.of(new Match(route.handler, vars));
            }
        }
        return Optional.empty();
    }

    /** True when some route matches the path with another method (405 rather than 404). */
    public boolean matchesPath(String path) {
        return routes.stream().anyMatch(r -> r.pattern.matcher(path).matches());
    }
}
