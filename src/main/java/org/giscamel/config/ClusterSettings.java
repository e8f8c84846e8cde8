package org.giscamel.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The {@code gis.cluster.*} settings: whether several instances share one workload through one PostgreSQL
 * database, the name this instance goes by there, and how long its claims outlive its last heartbeat.
 *
 * @param enabled  several instances share the GP jobs, the file drops and the harvest schedule
 * @param nodeId   this instance's name in claims, heartbeats, {@code job.json} and the status page
 * @param lease    how long a claim of this node holds after its last heartbeat; then another node takes over
 * @param storeUrl the shared database (the GP job store's {@code gis.gp.store-url})
 */
public record ClusterSettings(boolean enabled, String nodeId, Duration lease, String storeUrl) {

    public static final String STORE_URL_KEY = "gis.gp.store-url";

    public static ClusterSettings from(GisSettings settings) {
        boolean enabled = settings.bool("gis.cluster.enabled", false);
        String nodeId = settings.string("gis.cluster.node-id", defaultNodeId());
        Duration lease = settings.duration("gis.cluster.lease", Duration.ofSeconds(30));
        if (lease.compareTo(Duration.ofSeconds(2)) < 0) {
            settings.problem("gis.cluster.lease must be at least 2s but is " + lease);
        }
        String storeUrl = settings.string(STORE_URL_KEY, "");
        if (enabled && !storeUrl.startsWith("jdbc:postgresql:")) {
            // H2 is a file of one process: other nodes could neither lock its rows nor see its heartbeats.
            settings.problem("gis.cluster.enabled = true needs a shared PostgreSQL database in " + STORE_URL_KEY
                    + " (jdbc:postgresql://host/db), but it is "
                    + (storeUrl.isEmpty() ? "not set (an H2 file of this node)" : "'" + storeUrl.replaceAll("\\?.*", "") + "'"));
        }
        return new ClusterSettings(enabled, nodeId, lease, storeUrl);
    }

    /** Host name and process id, so two instances on one host still differ. */
    static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
