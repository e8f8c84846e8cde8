package org.giscamel.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two packaged jars: the library jar, which embedders and the Kamelets depend on, holds no entry point, command,
 * benchmark or emulator class; the executable jar holds all of it, so the demo, {@code emulators} and the benchmarks
 * run from it.
 */
class LibraryJarIT {

    /** Left out of the library jar (maven-jar-plugin excludes in pom.xml). */
    private static final List<String> APPLICATION_ONLY = List.of("org/giscamel/emulator/", "org/giscamel/bench/",
            "org/giscamel/cli/", "org/giscamel/GisCamelRoutes");

    @Test
    void theLibraryJarHoldsTheFlowsAndNoEmulatorBenchmarkOrCommand() throws Exception {
        Set<String> library = entries(JarProcess.libraryJar());

        List<String> strays = library.stream().filter(e -> APPLICATION_ONLY.stream().anyMatch(e::startsWith)).toList();
        assertEquals(List.of(), strays, "entries the library jar must leave out");
        for (String needed : List.of("org/giscamel/wiring/GisBeans.class", "org/giscamel/gp/GpBeans.class",
                "org/giscamel/harvest/HarvestConfiguration.class", "org/giscamel/kamelet/GpJobAction.class",
                "kamelets/arcgis-gp-job-action.kamelet.yaml", "gis-camel-routes/harvest.camel.yaml")) {
            assertTrue(library.contains(needed), needed + " is missing from the library jar");
        }
    }

    @Test
    void theExecutableJarHoldsEverythingTheLibraryJarHoldsAndTheApplicationBesides() throws Exception {
        Set<String> executable = entries(JarProcess.jar());

        List<String> missing = entries(JarProcess.libraryJar()).stream()
                .filter(e -> e.startsWith("org/giscamel/") || e.startsWith("gis-camel-routes/"))
                .filter(e -> !executable.contains(e)).toList();
        assertEquals(List.of(), missing, "library entries missing from the executable jar");
        for (String needed : List.of("org/giscamel/GisCamelRoutes.class", "org/giscamel/cli/CommandLine.class",
                "org/giscamel/emulator/EmbeddedEmulators.class", "org/giscamel/bench/harvest/HarvestBenchmark.class",
                "org/giscamel/bench/gp/GpBenchmark.class")) {
            assertTrue(executable.contains(needed), needed + " is missing from the executable jar");
        }
    }

    @Test
    void aBenchmarkRunsFromTheExecutableJarByTheClassNameTheReadmeGives() throws Exception {
        Process benchmark = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JarProcess.jar().toString(), "org.giscamel.bench.gp.GpBenchmark", "help")
                .redirectErrorStream(true).start();
        String output = new String(benchmark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(benchmark.waitFor(1, TimeUnit.MINUTES), output);

        assertEquals(0, benchmark.exitValue(), output);
        assertTrue(output.contains("Usage: GpBenchmark jobs"), output);
    }

    private static Set<String> entries(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }
}
