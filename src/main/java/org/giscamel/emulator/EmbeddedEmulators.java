package org.giscamel.emulator;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.ArcGisVariants;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.Variants;
import org.giscamel.emulator.iportal.IPortalEmulator;
import org.giscamel.emulator.iportal.IPortalEmulatorConfig;
import org.giscamel.emulator.iportal.IPortalVariants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Both emulators started together on loopback, for the demo and for {@code java -jar ... emulators}, with the
 * {@code gis.*} properties that wire the application to them.
 */
public final class EmbeddedEmulators implements AutoCloseable {

    /**
     * The loopback ports (0 picks a free port), and how many fresh ArcGIS machines there are: the first listens on
     * {@code arcgisFreshMachine}, the others on the ports after it.
     */
    public record Ports(int arcgisSite, int arcgisFreshMachine, int iportal, int freshMachines) {

        /** One fresh machine. */
        public Ports(int arcgisSite, int arcgisFreshMachine, int iportal) {
            this(arcgisSite, arcgisFreshMachine, iportal, 1);
        }
    }

    /**
     * How the emulators start: their ports, the profile of answers to unverified behaviours ({@value Variants#STRICT}
     * unless set), and single switches over it, by name.
     */
    public record Options(Ports ports, String profile, Map<String, String> arcgisVariants,
                          Map<String, String> iportalVariants) {

        public Options {
            profile = Variants.profileName(profile);
            arcgisVariants = Map.copyOf(arcgisVariants);
            iportalVariants = Map.copyOf(iportalVariants);
        }

        public static Options of(Ports ports) {
            return new Options(ports, Variants.STRICT, Map.of(), Map.of());
        }

        /** The same emulators with another profile and no single switches. */
        public Options withProfile(String name) {
            return new Options(ports, name, Map.of(), Map.of());
        }
    }

    /** The demo's declared site: the site machine and the fresh machines, all in cluster {@code default}. */
    public static final String DEMO_DECLARATION = "samples/demo-site.yaml";
    /** The demo reconciles its declared site every 30 seconds, as often as it harvests. */
    public static final String DEMO_RECONCILE_CRON = "0/30 * * * * ?";

    /** The {@code gis.emulator.*} key that names the profile. */
    public static final String PROFILE_KEY = "gis.emulator.profile";
    private static final String ARCGIS_PREFIX = "gis.emulator.arcgis.";
    private static final String IPORTAL_PREFIX = "gis.emulator.iportal.";

    private final ArcGisEmulator arcgis;
    private final IPortalEmulator iportal;
    private final Options options;

    private EmbeddedEmulators(ArcGisEmulator arcgis, IPortalEmulator iportal, Options options) {
        this.arcgis = arcgis;
        this.iportal = iportal;
        this.options = options;
    }

    /**
     * Reads the profile ({@value #PROFILE_KEY}) and the single switches ({@code gis.emulator.arcgis.<name>},
     * {@code gis.emulator.iportal.<name>}) from configuration; every bad value is reported to {@code problems}.
     */
    public static Options options(Ports ports, Function<String, Optional<String>> keys, Consumer<String> problems) {
        String profile = keys.apply(PROFILE_KEY).map(String::trim).filter(p -> !p.isEmpty()).orElse(Variants.STRICT);
        try {
            Variants.profileName(profile);
        } catch (BadRequestException unknown) {
            problems.accept(PROFILE_KEY + ": " + unknown.getMessage());
            profile = Variants.STRICT;
        }
        Map<String, String> arcgisValues = Variants.fromKeys(ArcGisVariants.strict(), ARCGIS_PREFIX, keys);
        Map<String, String> iportalValues = Variants.fromKeys(IPortalVariants.strict(), IPORTAL_PREFIX, keys);
        check(ArcGisVariants.strict(), arcgisValues, ARCGIS_PREFIX, problems);
        check(IPortalVariants.strict(), iportalValues, IPORTAL_PREFIX, problems);
        return new Options(ports, profile, arcgisValues, iportalValues);
    }

    /** The {@code gis.emulator.*} keys of every switch, for the documentation check. */
    public static List<String> variantKeys() {
        List<String> keys = new ArrayList<>();
        Variants.names(ArcGisVariants.strict()).forEach(n -> keys.add(ARCGIS_PREFIX + Variants.kebabCase(n)));
        Variants.names(IPortalVariants.strict()).forEach(n -> keys.add(IPORTAL_PREFIX + Variants.kebabCase(n)));
        return keys;
    }

    public static EmbeddedEmulators start(Options options) {
        ArcGisEmulatorConfig arcgisConfig = ArcGisEmulatorConfig.defaults();
        arcgisConfig.sitePort = options.ports().arcgisSite();
        arcgisConfig.freshMachinePort = options.ports().arcgisFreshMachine();
        arcgisConfig.freshMachines = options.ports().freshMachines();
        arcgisConfig.variants = ArcGisVariants.profile(options.profile());
        Variants.apply(arcgisConfig.variants, options.arcgisVariants());
        IPortalEmulatorConfig iportalConfig = IPortalEmulatorConfig.defaults();
        iportalConfig.port = options.ports().iportal();
        iportalConfig.variants = IPortalVariants.profile(options.profile());
        Variants.apply(iportalConfig.variants, options.iportalVariants());
        ArcGisEmulator arcgis = null;
        try {
            arcgis = ArcGisEmulator.start(arcgisConfig);
            return new EmbeddedEmulators(arcgis, IPortalEmulator.start(iportalConfig), options);
        } catch (IOException e) {
            if (arcgis != null) {
                arcgis.close();
            }
            throw new UncheckedIOException("Could not start the emulators (is a gis.emulator.* port in use?)", e);
        }
    }

    private static void check(Object variants, Map<String, String> values, String prefix, Consumer<String> problems) {
        values.forEach((name, value) -> {
            try {
                Variants.apply(variants, Map.of(name, value));
            } catch (BadRequestException bad) {
                problems.accept(prefix + Variants.kebabCase(name) + ": " + bad.getMessage());
            }
        });
    }

    public ArcGisEmulator arcgis() {
        return arcgis;
    }

    public IPortalEmulator iportal() {
        return iportal;
    }

    /** The gis.* values that point every flow at the emulators, including their built-in accounts. */
    public Map<String, String> connectionProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gis.arcgis.url", arcgis.siteUrl());
        p.put("gis.arcgis.username", arcgis.config().username);
        p.put("gis.arcgis.password", arcgis.config().password);
        // The declared-site demo: samples/demo-site.yaml declares the site machine and every fresh machine, named
        // by these keys, so the reconcile at start-up and on the schedule joins the fresh machines.
        p.put("gis.site.declaration", DEMO_DECLARATION);
        p.put("gis.site.reconcile-cron", DEMO_RECONCILE_CRON);
        List<String> fresh = arcgis.freshMachineUrls();
        for (int i = 0; i < fresh.size(); i++) {
            p.put(freshMachineUrlKey(i), fresh.get(i));
        }
        // The GP demo: the sample drop runs once at start-up. The emulator forgets its jobs when it stops, so the
        // demo's job store is kept in memory too: a later run must not resume or deduplicate against dead jobs.
        p.put("gis.gp.demo-drop", "true");
        p.put("gis.gp.store-url", "jdbc:h2:mem:gp-demo;DB_CLOSE_DELAY=-1");
        p.put("gis.iportal.url", iportal.url());
        p.put("gis.iportal.username", iportal.config().user.username());
        p.put("gis.iportal.password", iportal.config().user.password());
        return p;
    }

    /** The key the demo sets to the site root of fresh machine {@code index} (0 is the first), e.g. ...-url-1. */
    public static String freshMachineUrlKey(int index) {
        return "gis.emulator.fresh-machine-url-" + (index + 1);
    }

    /** Where the emulators listen, for the log and the console; no passwords. */
    public String describe() {
        String switches = options.arcgisVariants().isEmpty() && options.iportalVariants().isEmpty() ? ""
                : " with " + options.arcgisVariants() + " " + options.iportalVariants();
        return "emulators answer as profile '" + options.profile() + "'" + switches + "; ArcGIS Server emulator: site "
                + arcgis.siteUrl() + " (admin " + arcgis.siteUrl() + "/admin, services "
                + arcgis.siteUrl() + "/rest/services), fresh machines not yet in a site " + String.join(", ", arcgis.freshMachineUrls())
                + "; iPortal emulator: " + iportal.url() + " (services " + iportal.url() + "/web/services.json)";
    }

    @Override
    public void close() {
        iportal.close();
        arcgis.close();
    }
}
