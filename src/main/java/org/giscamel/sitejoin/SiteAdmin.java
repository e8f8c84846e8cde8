package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.token.AuthContext;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Administrator API calls the chain makes to the site, with the site's admin token. */
final class SiteAdmin {

    /** A machine as {@code /admin/machines} lists it. */
    record Machine(String name, String adminUrl) {
    }

    /** A cluster as {@code /admin/clusters} lists it. */
    record Cluster(String name, List<String> machineNames) {

        boolean has(String machineName) {
            return machineNames.stream().anyMatch(machineName::equalsIgnoreCase);
        }
    }

    record MachineStatus(String configuredState, String realTimeState) {

        boolean started() {
            return "STARTED".equalsIgnoreCase(realTimeState);
        }

        boolean stopped() {
            return "STOPPED".equalsIgnoreCase(realTimeState);
        }

        /** A stop was asked for: the state persisted in the configuration store is STOPPED, or it is stopping. */
        boolean stopAsked() {
            return "STOPPED".equalsIgnoreCase(configuredState) || "STOPPING".equalsIgnoreCase(realTimeState);
        }
    }

    private final GisHttpClient http;
    private final TokenService tokens;
    private final URI root;
    private final TokenScope scope;
    private final Duration callTimeout;

    SiteAdmin(GisHttpClient http, TokenService tokens, URI root, CredentialsProvider credentials, Duration callTimeout) {
        this.http = http;
        this.tokens = tokens;
        this.root = root;
        this.scope = TokenScope.arcgisAdmin(root, credentials);
        this.callTimeout = callTimeout;
    }

    URI root() {
        return root;
    }

    /** joinSite's {@code adminURL}: "the Administrator Directory URL of one of the server machines of a site". */
    URI adminUrl() {
        return URI.create(root + "/admin");
    }

    String username() {
        return scope.credentials().credentials().username();
    }

    AdminStanding standing() {
        return AdminStanding.probe(http, root, "probe the site's admin");
    }

    /** Admin token credentials valid now, for a call to a machine whose answer to a rejection is itself the news. */
    AuthContext token() {
        return tokens.authContext(scope);
    }

    /** Drops the cached admin token and gets a new one, as clients do after a join. */
    void renewToken() {
        tokens.invalidate(scope);
        tokens.authContext(scope);
    }

    List<Machine> machines() {
        JsonNode reply = read("list the site's machines", "machines");
        List<Machine> machines = new ArrayList<>();
        reply.path("machines").forEach(m -> machines.add(new Machine(m.path("machineName").asText(""),
                m.path("adminURL").asText(""))));
        return machines;
    }

    /** {@code currentversion} of {@code /admin/info}, a string there ("11.1"). */
    Optional<ServerVersion> version() {
        return ServerVersion.of(read("read the site's version", "info").get("currentversion"));
    }

    List<Cluster> clusters() {
        String step = "list the site's clusters";
        JsonNode reply = read(step, "clusters");
        if (!reply.path("clusters").isArray()) {
            throw new PermanentServerException(step, "the reply has no 'clusters' list", null);
        }
        List<Cluster> clusters = new ArrayList<>();
        reply.path("clusters").forEach(c -> {
            List<String> names = new ArrayList<>();
            c.path("machineNames").forEach(n -> names.add(n.asText()));
            clusters.add(new Cluster(c.path("clusterName").asText(""), names));
        });
        return clusters;
    }

    void createCluster(String name) {
        operate("create cluster " + name, "clusters/create", Map.of("clusterName", name));
    }

    void addToCluster(String cluster, String machineName) {
        operate("add " + machineName + " to cluster " + cluster, "clusters/" + segment(cluster) + "/machines/add",
                Map.of("machineNames", machineName));
    }

    void start(String machineName) {
        operate("start " + machineName, "machines/" + segment(machineName) + "/start", Map.of());
    }

    void stop(String machineName) {
        operate("stop " + machineName, "machines/" + segment(machineName) + "/stop", Map.of());
    }

    /** "/machines/remove takes the same parameter" as machines/add (ARCREST). */
    void removeFromCluster(String cluster, String machineName) {
        operate("remove " + machineName + " from cluster " + cluster, "clusters/" + segment(cluster) + "/machines/remove",
                Map.of("machineNames", machineName));
    }

    /** "removes the machine from the site" (reference §3.6). */
    void unregister(String machineName) {
        operate("unregister " + machineName, "machines/" + segment(machineName) + "/unregister", Map.of());
    }

    MachineStatus status(String machineName) {
        JsonNode reply = read("read the status of " + machineName, "machines/" + segment(machineName) + "/status");
        return new MachineStatus(reply.path("configuredState").asText(""), reply.path("realTimeState").asText(""));
    }

    private JsonNode read(String step, String path) {
        return tokens.call(scope, step, GisRequest.get(URI.create(adminUrl() + "/" + path)).param("f", "json"));
    }

    private void operate(String step, String path, Map<String, String> form) {
        GisRequest request = GisRequest.postForm(URI.create(adminUrl() + "/" + path), form).param("f", "json")
                .timeout(callTimeout);
        tokens.call(scope, step, request);
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
