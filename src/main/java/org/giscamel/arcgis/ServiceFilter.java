package org.giscamel.arcgis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which services of a catalog to take: by type, and by include/exclude glob patterns on the full service name
 * ({@code Folder/Name}, or {@code Name} in the root folder). {@code *} and {@code ?} stay within one name part,
 * {@code **} also crosses the {@code /}: {@code Basemaps/*} is every service of folder Basemaps, {@code **} is
 * every service. A service is taken when its type is listed, some include pattern matches and no exclude pattern
 * does.
 */
public final class ServiceFilter {

    private final Set<String> types;
    private final List<Glob> include;
    private final List<Glob> exclude;

    public ServiceFilter(Set<String> types, List<String> include, List<String> exclude) {
        this.types = types.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.include = include.stream().map(Glob::new).toList();
        this.exclude = exclude.stream().map(Glob::new).toList();
    }

    public boolean accepts(ServiceRef service) {
        return types.contains(service.type().toLowerCase(Locale.ROOT))
                && include.stream().anyMatch(g -> g.matches(service.name()))
                && exclude.stream().noneMatch(g -> g.matches(service.name()));
    }

    /**
     * False only when no service of {@code folder} can be taken, so the folder need not be read at all; true
     * when in doubt.
     */
    public boolean mayTakeFrom(String folder) {
        return include.stream().anyMatch(g -> g.mayMatchIn(folder)) && exclude.stream().noneMatch(g -> g.coversAllOf(folder));
    }

    /** A glob compiled to a regular expression. */
    private static final class Glob {
        private final String text;
        private final Pattern pattern;

        Glob(String text) {
            this.text = text.trim();
            this.pattern = Pattern.compile(toRegex(this.text));
        }

        boolean matches(String name) {
            return pattern.matcher(name).matches();
        }

        /** Could this pattern match some {@code folder/name}? */
        boolean mayMatchIn(String folder) {
            int slash = text.indexOf('/');
            String head = slash < 0 ? text : text.substring(0, slash);
            if (head.contains("**")) {
                return true;
            }
            return slash >= 0 && Pattern.matches(toRegex(head), folder);
        }

        /** Does this pattern match every {@code folder/name}? */
        boolean coversAllOf(String folder) {
            if (text.equals("**")) {
                return true;
            }
            for (String tail : List.of("/**", "/*")) {
                if (text.endsWith(tail)) {
                    String head = text.substring(0, text.length() - tail.length());
                    return !head.contains("/") && Pattern.matches(toRegex(head), folder);
                }
            }
            return false;
        }

        private static String toRegex(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }
    }
}
