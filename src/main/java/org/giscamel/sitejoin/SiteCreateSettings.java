package org.giscamel.sitejoin;

import org.giscamel.config.GisSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code gis.site-create.*} keys. The site's first machine is {@code gis.arcgis.url} unless a request names
 * another, and the primary site administrator to create is {@code gis.arcgis.username} with its password.
 *
 * @param configStore     the configuration store's folder as the machine sees it, if configured
 * @param directoriesRoot the server directories' root folder as the machine sees it, if configured
 * @param logLevel        the site's log level
 * @param restartDeadline how long the machine may take to answer again after createNewSite, pollAfter included
 * @param callTimeout     how long createNewSite may take to answer (DSC allows 1000 s)
 */
public record SiteCreateSettings(Optional<String> configStore, Optional<String> directoriesRoot, String logLevel,
                                 Path inbox, Path reportDir, Duration restartDeadline, Duration callTimeout) {

    /** ArcGIS Server's log levels, most severe first. */
    static final String[] LOG_LEVELS = {"OFF", "SEVERE", "WARNING", "INFO", "FINE", "VERBOSE", "DEBUG"};

    public static SiteCreateSettings from(GisSettings settings) {
        return new SiteCreateSettings(
                settings.optional("gis.site-create.config-store"),
                settings.optional("gis.site-create.directories-root"),
                settings.choice("gis.site-create.log-level", "WARNING", LOG_LEVELS),
                settings.folder("gis.site-create.inbox", "inbox/site-create"),
                settings.folder("gis.site-create.report-dir", "reports/site-create"),
                SiteJoinSettings.positive(settings, "gis.site-create.restart-deadline", Duration.ofMinutes(5)),
                SiteJoinSettings.positive(settings, "gis.site-create.call-timeout", Duration.ofMinutes(20)));
    }

    /** The site to create: the request's machine and folders, else the configured ones. */
    NewSite complete(SiteCreateRequest request, URI configuredMachine) {
        String store = request.configStore().or(this::configStore).orElseThrow(() -> new InvalidSiteJoinRequestException(
                "no configuration store given: name its folder (\"configStore\" in the request, --config-store, "
                        + "gis.site-create.config-store)"));
        String root = request.directoriesRoot().or(this::directoriesRoot).orElseThrow(() -> new InvalidSiteJoinRequestException(
                "no server directories given: name their root folder (\"directoriesRoot\" in the request, "
                        + "--directories-root, gis.site-create.directories-root)"));
        return new NewSite(request.machine().orElse(configuredMachine), store, root, logLevel);
    }
}
