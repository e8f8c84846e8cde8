package org.giscamel.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floors of the code, bottom up, as the README's Architecture section draws them. A class may use its own floor
 * and the floors below, never one above. The emulators stand beside the house and share nothing with it.
 */
final class Floors {

    /** 1: HTTP, reply checking, tokens, configuration, and the small infrastructure every flow uses. */
    static final String[] INFRASTRUCTURE = {"org.giscamel.http..", "org.giscamel.reply..", "org.giscamel.token..",
            "org.giscamel.config..", "org.giscamel.observe..", "org.giscamel.inbox..", "org.giscamel.wiring.."};
    /** 2: one package per server kind, and the geometry they share. */
    static final String[] PROTOCOLS = {"org.giscamel.geo..", "org.giscamel.arcgis..", "org.giscamel.iportal..",
            "org.giscamel.ogc.."};
    /** 3: the flows. */
    static final String[] FLOWS = {"org.giscamel.sitejoin..", "org.giscamel.harvest..", "org.giscamel.gp.."};
    /**
     * 4: the flows hosted in an application: as Kamelets, in Spring Boot, and watched (ops: readiness checks and
     * meters over the flows' beans, which an embedding application lists too).
     */
    static final String[] EMBEDDING = {"org.giscamel.kamelet..", "org.giscamel.springboot..", "org.giscamel.ops.."};
    /** 5: the application: the entry point and its commands, the status page, the benchmarks. */
    static final String[] APPLICATION = {"org.giscamel", "org.giscamel.cli..", "org.giscamel.status..",
            "org.giscamel.bench.."};
    /** Beside the house: the emulated servers. */
    static final String EMULATORS = "org.giscamel.emulator..";
    /** What the library jar leaves out (maven-jar-plugin excludes): the entry point, commands, benchmarks, emulators. */
    static final String[] NOT_IN_LIBRARY = {"org.giscamel", "org.giscamel.cli..", "org.giscamel.bench..", EMULATORS};

    private Floors() {
    }

    /** The packages of these floors, and the emulators, which no floor below the application may use either. */
    static String[] above(String[]... floors) {
        return Stream.concat(Arrays.stream(floors).flatMap(Arrays::stream), Stream.of(EMULATORS)).toArray(String[]::new);
    }

    /** Every floor of the house: the client and the application, without the emulators. */
    static String[] house() {
        return Stream.of(INFRASTRUCTURE, PROTOCOLS, FLOWS, EMBEDDING, APPLICATION).flatMap(Arrays::stream)
                .toArray(String[]::new);
    }

    /** One slice per named top-level package ({@code org.giscamel.<name>} and below); other classes are left out. */
    static SliceAssignment eachOf(String description, String... names) {
        List<String> packages = List.of(names);
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return packages.stream()
                        .filter(p -> name.equals("org.giscamel." + p) || name.startsWith("org.giscamel." + p + "."))
                        .findFirst().map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return description;
            }
        };
    }
}
