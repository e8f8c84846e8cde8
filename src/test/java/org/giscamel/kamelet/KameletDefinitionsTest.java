package org.giscamel.kamelet;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped Kamelets follow the apache/camel-kamelets conventions, so catalogs and tools read them as usual. */
class KameletDefinitionsTest {

    private static final Path FOLDER = Path.of("src/main/resources/kamelets");
    private static final Pattern OWN_PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z]+)}}");

    @Test
    void theFiveKameletsAreShipped() throws Exception {
        assertEquals(Set.of("arcgis-gp-job-action", "arcgis-site-join-action", "arcgis-site-leave-action", "arcgis-catalog-source",
                "iportal-register-sink"), Set.copyOf(kamelets().stream().map(k -> k.name).toList()));
    }

    @Test
    void eachKameletIsDescribedAsTheCatalogConventionsAsk() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Kamelet k : kamelets()) {
            Map<String, Object> metadata = map(k.yaml.get("metadata"));
            if (!k.file.equals(metadata.get("name") + ".kamelet.yaml")) {
                problems.add(k.file + ": metadata.name must match the file name");
            }
            Object type = map(metadata.get("labels")).get("camel.apache.org/kamelet.type");
            if (!k.name.endsWith("-" + type)) {
                problems.add(k.file + ": type label '" + type + "' does not match the name");
            }
            Map<String, Object> annotations = map(metadata.get("annotations"));
            for (String key : List.of("camel.apache.org/provider", "camel.apache.org/kamelet.support.level",
                    "camel.apache.org/catalog.version")) {
                if (!annotations.containsKey(key)) {
                    problems.add(k.file + ": annotation " + key + " is missing");
                }
            }
            Map<String, Object> definition = map(map(k.yaml.get("spec")).get("definition"));
            for (String key : List.of("title", "description")) {
                if (String.valueOf(definition.getOrDefault(key, "")).isBlank()) {
                    problems.add(k.file + ": definition." + key + " is missing");
                }
            }
            Map<String, Object> properties = map(definition.getOrDefault("properties", Map.of()));
            if (!(definition.get("required") instanceof List<?> required)) {
                problems.add(k.file + ": definition.required is missing");
            } else if (!properties.keySet().containsAll(required)) {
                problems.add(k.file + ": required names properties that are not defined: " + required);
            }
            properties.forEach((name, value) -> problems.addAll(propertyProblems(k.file, name, map(value))));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void actionsAndSinksStartAtTheKameletSourceAndSourcesEndAtTheKameletSink() throws Exception {
        for (Kamelet k : kamelets()) {
            Map<String, Object> from = map(map(map(k.yaml.get("spec")).get("template")).get("from"));
            if (k.name.endsWith("-source")) {
                assertTrue(k.text.contains("uri: \"kamelet:sink\""), k.file);
            } else {
                assertEquals("kamelet:source", from.get("uri"), k.file);
            }
        }
    }

    @Test
    void theTemplateUsesOnlyItsOwnPropertiesAndBeans() throws Exception {
        for (Kamelet k : kamelets()) {
            Map<String, Object> spec = map(k.yaml.get("spec"));
            Set<String> known = new HashSet<>(map(map(spec.get("definition")).getOrDefault("properties", Map.of()))
                    .keySet());
            Map<String, Object> template = map(spec.get("template"));
            for (Object bean : (List<?>) template.getOrDefault("beans", List.of())) {
                known.add(String.valueOf(map(bean).get("name")));
            }
            Matcher used = OWN_PLACEHOLDER.matcher(String.valueOf(template));
            while (used.find()) {
                assertTrue(known.contains(used.group(1)), k.file + " uses {{" + used.group(1) + "}}");
            }
        }
    }

    private static List<String> propertyProblems(String file, String name, Map<String, Object> property) {
        List<String> problems = new ArrayList<>();
        for (String key : List.of("title", "description", "type")) {
            if (!property.containsKey(key)) {
                problems.add(file + ": property " + name + " has no " + key);
            }
        }
        if (!Set.of("string", "integer", "boolean", "number").contains(String.valueOf(property.get("type")))) {
            problems.add(file + ": property " + name + " has type " + property.get("type"));
        }
        boolean secret = name.toLowerCase().contains("password");
        if (secret && !("password".equals(property.get("format"))
                && String.valueOf(property.get("x-descriptors")).contains("urn:camel:group:credentials"))) {
            problems.add(file + ": property " + name + " must be format password in the credentials group");
        }
        return problems;
    }

    private record Kamelet(String file, String name, String text, Map<String, Object> yaml) {
    }

    private static List<Kamelet> kamelets() throws Exception {
        List<Kamelet> kamelets = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kamelet.yaml")).sorted().toList()) {
                String text = Files.readString(file);
                String fileName = file.getFileName().toString();
                kamelets.add(new Kamelet(fileName, fileName.replace(".kamelet.yaml", ""), text,
                        map(new Load(LoadSettings.builder().build()).loadFromString(text))));
            }
        }
        return kamelets;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
