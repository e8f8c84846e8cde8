package org.giscamel.sitejoin;

import org.giscamel.config.GisSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code gis.site-join.*} keys. The site itself and its credentials are {@code gis.arcgis.*}.
 *
 * @param machine        the machine the application joins once at start-up, if any
 * @param cluster        the cluster to put joined machines in; "" = none (clusters are deprecated from 10.8)
 * @param createCluster  whether a missing cluster is created rather than reported
 * @param pollInterval   how often waiting steps ask again
 * @param restartDeadline how long the machine may take to answer again after joinSite, pollAfter included
 * @param startDeadline  how long the machine may take to reach STARTED
 * @param callTimeout    how long joinSite, machines/add and start may take to answer (DSC allows 360 s)
 */
public record SiteJoinSettings(Optional<URI> machine, String cluster, boolean createCluster, Path inbox,
                               Path reportDir, Duration pollInterval, Duration restartDeadline,
                               Duration startDeadline, Duration callTimeout) {

    public static SiteJoinSettings from(GisSettings settings) {
        return new SiteJoinSettings(
                checked(settings, "gis.site-join.machine-url", () -> settings.optional("gis.site-join.machine-url")
                        .map(SiteJoinRequest::machineUrl)).flatMap(m -> m),
                checked(settings, "gis.site-join.cluster",
                        () -> SiteJoinRequest.clusterName(settings.string("gis.site-join.cluster", ""))).orElse(""),
                settings.bool("gis.site-join.create-cluster", false),
                settings.folder("gis.site-join.inbox", "inbox/site-join"),
                settings.folder("gis.site-join.report-dir", "reports/site-join"),
                positive(settings, "gis.site-join.poll-interval", Duration.ofSeconds(2)),
                positive(settings, "gis.site-join.restart-deadline", Duration.ofMinutes(5)),
                positive(settings, "gis.site-join.start-deadline", Duration.ofMinutes(5)),
                positive(settings, "gis.site-join.call-timeout", Duration.ofMinutes(6)));
    }

    /** The request with the configured cluster and createCluster where it leaves them out. */
    public SiteJoinRequest complete(SiteJoinRequest request) {
        return new SiteJoinRequest(request.machine(), Optional.of(request.cluster().orElse(cluster)),
                Optional.of(request.createCluster().orElse(createCluster)));
    }

    /** The value {@code read} gives, or empty with the request rule it broke recorded as a problem of {@code key}. */
    static <T> Optional<T> checked(GisSettings settings, String key, java.util.function.Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (InvalidSiteJoinRequestException e) {
            settings.problem(key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static Duration positive(GisSettings settings, String key, Duration defaultValue) {
        Duration value = settings.duration(key, defaultValue);
        if (value.isNegative() || value.isZero()) {
            settings.problem(key + " must be longer than zero");
            return defaultValue;
        }
        return value;
    }
}
