package org.giscamel.cli;

import org.giscamel.config.GisSettings;

/** Decides whether the application runs against the built-in emulators. */
final class DemoMode {

    private DemoMode() {
    }

    static boolean enabled(GisSettings settings, boolean forced) {
        String mode = settings.choice("gis.demo", "auto", "auto", "true", "false");
        if (forced || mode.equals("true")) {
            return true;
        }
        if (mode.equals("false")) {
            if (settings.optional("gis.arcgis.url").isEmpty() && settings.optional("gis.iportal.url").isEmpty()) {
                settings.problem("gis.demo is false but neither gis.arcgis.url nor gis.iportal.url is set: "
                        + "configure a server or set gis.demo=auto to use the built-in emulators");
            }
            return false;
        }
        return settings.optional("gis.arcgis.url").isEmpty() && settings.optional("gis.iportal.url").isEmpty();
    }
}
