package org.giscamel.sitejoin;

import org.giscamel.config.GisSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code gis.site.*} keys of the declared site.
 *
 * @param declaration the declared site's file, if there is one
 * @param cron        the Quartz cron of the schedule that reconciles it; empty = no schedule
 * @param reportsKept how many of the newest reports are kept (a schedule writes one at every fire)
 */
public record SiteReconcileSettings(Optional<Path> declaration, Optional<String> cron, Path reportDir, int reportsKept) {

    public static SiteReconcileSettings from(GisSettings settings) {
        Optional<Path> declaration = settings.optional("gis.site.declaration").map(Path::of);
        declaration.filter(file -> !Files.isRegularFile(file) || !Files.isReadable(file)).ifPresent(file ->
                settings.problem("gis.site.declaration names " + file + ", which is not a file this application can read"));
        Optional<String> cron = settings.optional("gis.site.reconcile-cron").map(c -> settings.cron("gis.site.reconcile-cron", c));
        if (cron.isPresent() && declaration.isEmpty()) {
            settings.problem("gis.site.reconcile-cron is set but gis.site.declaration is not: name the declared site's "
                    + "file, or leave the cron empty");
        }
        return new SiteReconcileSettings(declaration, cron,
                settings.folder("gis.site.report-dir", "reports/site-reconcile"),
                settings.integer("gis.site.reports-kept", 100, 1, 100_000));
    }

    /** True when the declared site is reconciled on a schedule (and once at start-up). */
    public boolean scheduled() {
        return cron.isPresent();
    }
}
