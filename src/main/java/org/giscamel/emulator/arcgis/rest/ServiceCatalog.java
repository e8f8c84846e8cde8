package org.giscamel.emulator.arcgis.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The services the emulated site publishes, by folder (one level deep, as ArcGIS Server allows). Thread-safe:
 * tests, the control API and the GP emulator change it while clients list it. Entries are small; metadata is
 * derived on request, so 10,000 services cost little.
 */
public final class ServiceCatalog {

    /** The root folder's name. */
    public static final String ROOT = "";
    private static final List<String> GENERATED_TYPES = List.of("MapServer", "FeatureServer", "ImageServer");

    /** Folder name to its services in publication order, keyed by {@code name/type}. */
    private final Map<String, Map<String, CatalogEntry>> folders = new TreeMap<>();
    private final Set<String> securedFolders = new TreeSet<>();
    private final Set<String> securedServices = new TreeSet<>();
    private int generated;

    public ServiceCatalog() {
        folders.put(ROOT, new LinkedHashMap<>());
    }

    /**
     * A small directory like a fresh site's: public root services (one map service with feature access, hence
     * listed twice), a secured root service ({@code Cadastre}), {@code Basemaps}, {@code Utilities/Geometry}, and a
     * {@code Secured} folder that needs a token.
     */
    public static ServiceCatalog demo() {
        return new ServiceCatalog()
                .add("SampleWorldCities", "MapServer")
                .add("Hydrography", "MapServer")
                .add("Hydrography", "FeatureServer")
                .add("Cadastre", "MapServer")
                .secureService("Cadastre")
                .add("Basemaps/Streets", "MapServer")
                .add("Basemaps/Elevation", "ImageServer")
                .add("Utilities/Geometry", "GeometryServer")
                .add("Secured/Parcels", "MapServer")
                .add("Secured/Parcels", "FeatureServer")
                .secureFolder("Secured");
    }

    public ServiceCatalog add(String name, String type) {
        return add(new CatalogEntry(name, type, null));
    }

    /** Adds a service whose {@code ?f=json} metadata the supplier gives, e.g. a GPServer's tasks. */
    public ServiceCatalog add(String name, String type, Supplier<? extends JsonNode> metadata) {
        return add(new CatalogEntry(name, type, metadata));
    }

    public synchronized ServiceCatalog add(CatalogEntry entry) {
        Map<String, CatalogEntry> services = folders.computeIfAbsent(entry.folder(), f -> new LinkedHashMap<>());
        if (services.putIfAbsent(key(entry.name(), entry.type()), entry) != null) {
            throw new IllegalArgumentException("Service " + entry.name() + "/" + entry.type() + " already exists");
        }
        return this;
    }

    /** Creates an empty folder; folders stay when their last service goes, as on a real server. */
    public synchronized ServiceCatalog addFolder(String folder) {
        CatalogEntry.requireFolderName(folder);
        folders.computeIfAbsent(folder, f -> new LinkedHashMap<>());
        return this;
    }

    public synchronized boolean remove(String name, String type) {
        Map<String, CatalogEntry> services = folders.get(CatalogEntry.folderOf(name));
        return services != null && services.remove(key(name, type)) != null;
    }

    /**
     * Renames a service, with every type it is published as (a map service and its FeatureServer share a name).
     * The new name may name another folder.
     */
    public synchronized void rename(String name, String newName) {
        List<CatalogEntry> moving = services(CatalogEntry.folderOf(name)).stream()
                .filter(e -> e.name().equals(name)).toList();
        if (moving.isEmpty()) {
            throw new IllegalArgumentException("No service " + name);
        }
        List<CatalogEntry> renamed = moving.stream().map(e -> e.renamed(newName)).toList();
        renamed.stream().filter(e -> find(e.name(), e.type()).isPresent()).findFirst().ifPresent(e -> {
            throw new IllegalArgumentException("Service " + e.name() + "/" + e.type() + " already exists");
        });
        moving.forEach(e -> remove(e.name(), e.type()));
        renamed.forEach(this::add);
    }

    /**
     * Adds {@code services} services spread over {@code folders} new folders ({@code LoadTestNNN/ServiceNNNNN}),
     * for load work; with {@code folders <= 0} they go to the root folder. Repeated calls number on.
     */
    public synchronized ServiceCatalog generate(int services, int folders) {
        for (int i = 0; i < folders; i++) {
            addFolder(String.format("LoadTest%03d", i + 1));
        }
        for (int i = 0; i < services; i++) {
            String name = String.format("Service%05d", ++generated);
            String fullName = folders <= 0 ? name : String.format("LoadTest%03d", i % folders + 1) + "/" + name;
            add(fullName, GENERATED_TYPES.get(i % GENERATED_TYPES.size()));
        }
        return this;
    }

    /** Makes a folder answer 499 without a token and 498 with a bad one; the root and other folders stay public. */
    public synchronized ServiceCatalog secureFolder(String folder) {
        securedFolders.add(folder);
        return this;
    }

    public synchronized boolean isSecuredFolder(String folder) {
        return securedFolders.contains(folder);
    }

    /**
     * Makes one service (every type it is published as) need a token while its folder stays public: its resources
     * answer 499 without one, and anonymous listings show it or not as {@code ArcGisVariants#securedRootServices}
     * says.
     */
    public synchronized ServiceCatalog secureService(String name) {
        securedServices.add(name);
        return this;
    }

    /** True when the service, or the folder it is in, needs a token. */
    public synchronized boolean isSecuredService(String name) {
        return securedServices.contains(name) || securedFolders.contains(CatalogEntry.folderOf(name));
    }

    public synchronized Set<String> securedServices() {
        return Set.copyOf(securedServices);
    }

    public synchronized Set<String> securedFolders() {
        return Set.copyOf(securedFolders);
    }

    public synchronized boolean hasFolder(String folder) {
        return !folder.equals(ROOT) && folders.containsKey(folder);
    }

    /** The folders below the root, sorted. */
    public synchronized List<String> folders() {
        return folders.keySet().stream().filter(f -> !f.equals(ROOT)).toList();
    }

    /** The services of a folder ("" for the root) in publication order; empty for an unknown folder. */
    public synchronized List<CatalogEntry> services(String folder) {
        return new ArrayList<>(folders.getOrDefault(folder, Map.of()).values());
    }

    public synchronized Optional<CatalogEntry> find(String name, String type) {
        return Optional.ofNullable(folders.getOrDefault(CatalogEntry.folderOf(name), Map.of()).get(key(name, type)));
    }

    /** The number of services (each type counted once). */
    public synchronized int size() {
        return folders.values().stream().mapToInt(Map::size).sum();
    }

    private static String key(String name, String type) {
        return name + "/" + type;
    }
}
