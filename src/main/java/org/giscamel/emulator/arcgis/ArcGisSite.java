package org.giscamel.emulator.arcgis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulated site's shared state: its registered machines, its clusters and its primary administrator. Every
 * machine of the site serves the same state. The site is founded by its first machine, in cluster {@code default}
 * and started: at once, or when that machine is sent createNewSite ({@link ArcGisEmulatorConfig#siteCreated}).
 * All methods are synchronized: the state is small and the Administrator API is not a hot path.
 */
public final class ArcGisSite {

    public static final String DEFAULT_CLUSTER = "default";
    /** "By default, the site will create a cluster called 'default' with the first available port numbers starting from 4004." */
    private static final int FIRST_CLUSTER_PORT = 4004;
    private static final int CLUSTER_PORT_STEP = 10;

    /** A machine as the site sees it; {@code clusterName} is null when the machine is in no cluster. */
    public record MachineState(String machineName, String adminUrl, String configuredState, String realTimeState,
                               long serverStartTime, String clusterName) {
    }

    public record ClusterState(String clusterName, int tcpClusterPort, List<String> machineNames) {
    }

    private static final class Member {
        final ServerMachine machine;
        boolean started;
        Instant startRequestedAt;
        /** When the last stop was asked for; null when the machine was never started or is started again. */
        Instant stopRequestedAt;

        Member(ServerMachine machine) {
            this.machine = machine;
        }
    }

    private static final class Cluster {
        final String name;
        final int port;
        final Set<String> machineKeys = new LinkedHashSet<>();

        Cluster(String name, int port) {
            this.name = name;
            this.port = port;
        }
    }

    private final Clock clock;
    /** Read at each use, so a test can change the machines' timings while they run. */
    private final ArcGisEmulatorConfig config;
    private final ServerMachine founder;
    private final ArcGisVariants variants;
    /** Keyed by upper-cased name: machine names are host names, which compare without case. */
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private boolean created;
    private String adminUsername;
    private String adminPassword;

    ArcGisSite(ArcGisEmulatorConfig config, ServerMachine founder) {
        this.clock = config.clock;
        this.config = config;
        this.variants = config.variants;
        this.founder = founder;
        if (config.siteCreated) {
            found(config.username, config.password);
            Member first = members.get(key(founder.name()));
            first.startRequestedAt = clock.instant().minus(config.machineStartDelay);
        }
    }

    /** The site with its first machine, started, in cluster {@code default} on the first cluster port. */
    private void found(String username, String password) {
        created = true;
        adminUsername = username;
        adminPassword = password;
        Member first = new Member(founder);
        first.started = true;
        first.startRequestedAt = clock.instant();
        members.put(key(founder.name()), first);
        Cluster cluster = new Cluster(DEFAULT_CLUSTER, FIRST_CLUSTER_PORT);
        cluster.machineKeys.add(key(founder.name()));
        clusters.put(key(DEFAULT_CLUSTER), cluster);
    }

    /** True once the site exists: from the start, or after its first machine was sent createNewSite. */
    public synchronized boolean exists() {
        return created;
    }

    /** True for the primary site administrator's user name and password (user names are case-sensitive). */
    synchronized boolean isAdministrator(String username, String password) {
        return created && adminUsername.equals(username) && adminPassword.equals(password);
    }

    /**
     * createNewSite on {@code machine} with the administrator to create. The site's first machine founds this
     * site and restarts for {@link ArcGisEmulatorConfig#createRestartWindow}; any other machine founds a site of
     * its own, which is another site as far as this one is concerned.
     */
    synchronized void create(ServerMachine machine, String username, String password) {
        if (machine != founder) {
            machine.joinAnotherSite();
            return;
        }
        found(username, password);
        machine.restartUntil(clock.instant().plus(config.createRestartWindow));
        // It comes back up started: its start delay runs from the end of the restart.
        members.get(key(machine.name())).startRequestedAt = clock.instant().plus(config.createRestartWindow);
    }

    /** {@code http://127.0.0.1:<port>/arcgis} of the site's first machine. */
    public String siteUrl() {
        return founder.contextUrl();
    }

    public String adminUrl() {
        return founder.adminUrl();
    }

    public synchronized boolean isMember(String machineName) {
        return members.containsKey(key(machineName));
    }

    public synchronized List<MachineState> machines() {
        return members.values().stream().map(this::state).toList();
    }

    public synchronized Optional<MachineState> machine(String machineName) {
        return Optional.ofNullable(members.get(key(machineName))).map(this::state);
    }

    public synchronized List<ClusterState> clusters() {
        return clusters.values().stream().map(this::state).toList();
    }

    public synchronized Optional<ClusterState> cluster(String clusterName) {
        return Optional.ofNullable(clusters.get(key(clusterName))).map(this::state);
    }

    synchronized ServerMachine.Participation participation(ServerMachine machine) {
        if (members.containsKey(key(machine.name()))) {
            return machine.restarting(clock.instant())
                    ? ServerMachine.Participation.RESTARTING : ServerMachine.Participation.IN_SITE;
        }
        return machine.inAnotherSite()
                ? ServerMachine.Participation.IN_ANOTHER_SITE : ServerMachine.Participation.NOT_IN_SITE;
    }

    /** True when {@code url} names the admin directory of a machine of this site, as joinSite's adminURL must. */
    synchronized boolean isSiteAdminUrl(String url) {
        String wanted = LoopbackUrl.normalized(url);
        return members.values().stream().anyMatch(m -> LoopbackUrl.normalized(m.machine.adminUrl()).equals(wanted));
    }

    /**
     * Registers a joining machine, stopped, and starts its restart window. It is in no cluster, or in
     * {@code default} when the variant says so and the site has that cluster.
     */
    synchronized void join(ServerMachine machine) {
        if (members.containsKey(key(machine.name()))) {
            throw alreadyInSite(machine.name());
        }
        machine.restartUntil(clock.instant().plus(config.joinRestartWindow));
        members.put(key(machine.name()), new Member(machine));
        Cluster defaultCluster = clusters.get(key(DEFAULT_CLUSTER));
        if (variants.joinedMachineCluster == ArcGisVariants.JoinedMachineCluster.DEFAULT && defaultCluster != null) {
            defaultCluster.machineKeys.add(key(machine.name()));
        }
    }

    static AdminException alreadyInSite(String machineName) {
        // No published text exists for this case (reference §9.1); the wording follows the joinSite doc note.
        return new AdminException(400, "Machine '" + machineName + "' is already participating in a Site. "
                + "The joinSite operation is available only when a server machine is not already participating in any site.");
    }

    /**
     * "Starts the server machine if it is participating in a cluster." It reports STARTING for a while first. On a
     * site whose clusters were all deleted (they are deprecated from 10.8) machines start without one.
     */
    synchronized void start(String machineName) {
        Member member = member(machineName);
        if (!clusters.isEmpty() && clusterKeyOf(key(machineName)) == null) {
            throw new AdminException(400, "Machine '" + member.machine.name()
                    + "' is not participating in any cluster. Add it to a cluster before starting it.");
        }
        if (!member.started) {
            member.started = true;
            member.startRequestedAt = clock.instant();
            member.stopRequestedAt = null;
        }
    }

    /** "/stop is symmetric" to start: the machine reports it is stopping for a while, then STOPPED. */
    synchronized void stop(String machineName) {
        Member member = member(machineName);
        if (member.started) {
            member.started = false;
            member.stopRequestedAt = clock.instant();
        }
    }

    /**
     * "Removes the machine from the site": it leaves its cluster and is in no site again, so it may join one.
     * The site's last machine is refused, since the site would be left without any (no source says how a real
     * server answers that; the flows never ask).
     */
    synchronized void unregister(String machineName) {
        Member member = member(machineName);
        if (members.size() == 1) {
            throw new AdminException(400, "Machine '" + member.machine.name() + "' is the only machine of the site "
                    + "and cannot be unregistered. Delete the site instead.");
        }
        String machineKey = key(machineName);
        clusters.values().forEach(c -> c.machineKeys.remove(machineKey));
        members.remove(machineKey);
    }

    synchronized void createCluster(String clusterName, Integer tcpClusterPort, List<String> machineNames) {
        if (clusters.containsKey(key(clusterName))) {
            throw new AdminException(400, "Cluster '" + clusterName + "' already exists.");
        }
        int port = tcpClusterPort == null ? nextFreeClusterPort() : tcpClusterPort;
        clusters.values().stream().filter(c -> c.port == port).findFirst().ifPresent(c -> {
            throw new AdminException(400, "The port " + port + " is already in use by cluster '" + c.name + "'.");
        });
        List<String> keys = clusterableKeys(machineNames, null);
        Cluster cluster = new Cluster(clusterName, port);
        cluster.machineKeys.addAll(keys);
        clusters.put(key(clusterName), cluster);
    }

    /**
     * Adds machines to a cluster. A machine already in this cluster is accepted without change: the desired state
     * holds, and DSC retries machines/add after timeouts, so a retry of an add that did go through must not fail.
     * A machine in another cluster is refused: "A server machine can only participate in one cluster at any time."
     */
    synchronized void addToCluster(String clusterName, List<String> machineNames) {
        Cluster cluster = existingCluster(clusterName);
        cluster.machineKeys.addAll(clusterableKeys(machineNames, cluster));
    }

    public synchronized void removeFromCluster(String clusterName, List<String> machineNames) {
        Cluster cluster = existingCluster(clusterName);
        for (String name : machineNames) {
            if (!cluster.machineKeys.contains(key(name))) {
                throw new AdminException(400, "Machine '" + name + "' is not participating in cluster '" + cluster.name + "'.");
            }
        }
        machineNames.forEach(name -> cluster.machineKeys.remove(key(name)));
    }

    /** Deletes a cluster; its machines are then in no cluster (ARCREST {@code clusters/<c>/delete}). */
    public synchronized void deleteCluster(String clusterName) {
        existingCluster(clusterName);
        clusters.remove(key(clusterName));
    }

    /** Registered machines that are in no cluster. */
    synchronized List<MachineState> availableMachines() {
        return members.entrySet().stream()
                .filter(e -> clusterKeyOf(e.getKey()) == null)
                .map(e -> state(e.getValue()))
                .toList();
    }

    private List<String> clusterableKeys(List<String> machineNames, Cluster target) {
        List<String> keys = new ArrayList<>();
        for (String name : machineNames) {
            if (!members.containsKey(key(name))) {
                throw new AdminException(400, "Machine '" + name + "' is not registered with the site. "
                        + "Before a server machine can be added to a cluster, it needs to be registered with the site.");
            }
            String current = clusterKeyOf(key(name));
            if (current != null && (target == null || !clusters.get(current).equals(target))) {
                throw new AdminException(400, "Machine '" + name + "' is already participating in cluster '"
                        + clusters.get(current).name + "'. A server machine can only participate in one cluster at any time.");
            }
            keys.add(key(name));
        }
        return keys;
    }

    private Member member(String machineName) {
        Member member = members.get(key(machineName));
        if (member == null) {
            throw AdminException.notFound(machineName);
        }
        return member;
    }

    private Cluster existingCluster(String clusterName) {
        Cluster cluster = clusters.get(key(clusterName));
        if (cluster == null) {
            throw AdminException.notFound(clusterName);
        }
        return cluster;
    }

    private String clusterKeyOf(String machineKey) {
        return clusters.entrySet().stream()
                .filter(e -> e.getValue().machineKeys.contains(machineKey))
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private int nextFreeClusterPort() {
        int port = FIRST_CLUSTER_PORT;
        while (true) {
            int candidate = port;
            if (clusters.values().stream().noneMatch(c -> c.port == candidate)) {
                return candidate;
            }
            port += CLUSTER_PORT_STEP;
        }
    }

    private MachineState state(Member member) {
        String realTime;
        long startTime = -1;
        Instant now = clock.instant();
        if (member.started) {
            Instant startedAt = member.startRequestedAt.plus(config.machineStartDelay);
            boolean up = !now.isBefore(startedAt);
            realTime = up ? "STARTED" : "STARTING";
            startTime = up ? startedAt.toEpochMilli() : -1;
        } else if (member.stopRequestedAt != null && now.isBefore(member.stopRequestedAt.plus(config.machineStopDelay))) {
            realTime = variants.stoppingState == ArcGisVariants.StoppingState.STOPPING ? "STOPPING" : "STARTED";
        } else {
            realTime = "STOPPED";
        }
        String clusterKey = clusterKeyOf(key(member.machine.name()));
        return new MachineState(member.machine.name(), member.machine.adminUrl(),
                member.started ? "STARTED" : "STOPPED", realTime, startTime,
                clusterKey == null ? null : clusters.get(clusterKey).name);
    }

    private ClusterState state(Cluster cluster) {
        return new ClusterState(cluster.name, cluster.port,
                cluster.machineKeys.stream().map(k -> members.get(k).machine.name()).toList());
    }

    private static String key(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }
}
