package org.giscamel.sitejoin;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The site as it should be: its machines by admin URL, each with its cluster, and whether machines the site has
 * beyond them are removed. The file ({@code gis.site.declaration}) reads:
 *
 * <pre>
 * removeUndeclared: false
 * machines:
 *   - adminUrl: https://node1.example.com:6443/arcgis/admin
 *     cluster: default
 *   - adminUrl: https://node2.example.com:6443/arcgis/admin
 *     cluster: default
 * </pre>
 *
 * @param removeUndeclared whether a machine the declaration does not list is taken out of the site
 */
public record SiteDeclaration(List<DeclaredMachine> machines, boolean removeUndeclared) {

    /**
     * One machine as declared.
     *
     * @param adminUrl its Administrator Directory, as the site lists it in admin/machines
     * @param cluster  the cluster it must be in; empty = whichever the join puts it in
     */
    public record DeclaredMachine(URI adminUrl, Optional<String> cluster) {

        /** The machine's site root, as join-site takes it: the admin URL without {@code /admin}. */
        public URI siteRoot() {
            String url = adminUrl.toString();
            return URI.create(url.substring(0, url.length() - "/admin".length()));
        }
    }

    private static final Set<String> FIELDS = Set.of("machines", "removeUndeclared");
    private static final Set<String> MACHINE_FIELDS = Set.of("adminUrl", "cluster");

    public SiteDeclaration {
        machines = List.copyOf(machines);
    }

    /**
     * Parses and checks a declaration; every problem names where it is.
     *
     * @param source where the text comes from, for messages, e.g. the file's path
     */
    public static SiteDeclaration parse(String text, String source) {
        Object yaml;
        try {
            yaml = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw invalid(source, "is not valid YAML: " + e.getMessage().replaceAll("\\s*\\n\\s*", " "));
        }
        if (!(yaml instanceof Map<?, ?> root)) {
            throw invalid(source, "must be a mapping with \"machines\" (and optionally \"removeUndeclared\")");
        }
        unknownFields(source, "", root, FIELDS);
        Object removeUndeclared = root.get("removeUndeclared");
        if (removeUndeclared != null && !(removeUndeclared instanceof Boolean)) {
            throw invalid(source, "removeUndeclared must be true or false");
        }
        if (!(root.get("machines") instanceof List<?> list) || list.isEmpty()) {
            throw invalid(source, "needs \"machines\", a list of machines, each with its adminUrl");
        }
        List<DeclaredMachine> machines = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            DeclaredMachine machine = machine(source, "machines[" + (i + 1) + "]", list.get(i));
            machines.stream().filter(m -> SiteJoinSteps.sameUrl(m.adminUrl().toString(), machine.adminUrl())).findFirst()
                    .ifPresent(twice -> {
                        throw invalid(source, "declares " + twice.adminUrl() + " twice");
                    });
            machines.add(machine);
        }
        return new SiteDeclaration(machines, Boolean.TRUE.equals(removeUndeclared));
    }

    private static DeclaredMachine machine(String source, String where, Object entry) {
        if (!(entry instanceof Map<?, ?> machine)) {
            throw invalid(source, where + " must be a mapping with adminUrl and, optionally, cluster");
        }
        unknownFields(source, where, machine, MACHINE_FIELDS);
        if (!(machine.get("adminUrl") instanceof String adminUrl) || adminUrl.isBlank()) {
            throw invalid(source, where + " needs adminUrl, the machine's admin URL as the site lists it, such as "
                    + "https://node2.example.com:6443/arcgis/admin");
        }
        String trimmed = adminUrl.trim().replaceAll("/+$", "");
        if (!trimmed.toLowerCase(Locale.ROOT).endsWith("/admin")) {
            throw invalid(source, where + ".adminUrl must be the machine's admin URL, ending in /admin");
        }
        try {
            URI root = SiteJoinRequest.machineUrl(trimmed.substring(0, trimmed.length() - "/admin".length()));
            Object cluster = machine.get("cluster");
            if (cluster != null && !(cluster instanceof String)) {
                throw invalid(source, where + ".cluster must be a cluster name");
            }
            Optional<String> name = Optional.ofNullable((String) cluster).map(SiteJoinRequest::clusterName)
                    .filter(c -> !c.isEmpty());
            return new DeclaredMachine(URI.create(root + "/admin"), name);
        } catch (InvalidSiteJoinRequestException e) {
            throw invalid(source, where + ": " + e.getMessage());
        }
    }

    private static void unknownFields(String source, String where, Map<?, ?> map, Set<String> allowed) {
        List<String> unknown = map.keySet().stream().map(String::valueOf).filter(k -> !allowed.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw invalid(source, (where.isEmpty() ? "" : where + " ") + "has unknown fields " + unknown + "; allowed are " + allowed.stream().sorted().toList());
        }
    }

    private static InvalidSiteJoinRequestException invalid(String source, String problem) {
        return new InvalidSiteJoinRequestException("the declared site " + source + " " + problem);
    }
}
