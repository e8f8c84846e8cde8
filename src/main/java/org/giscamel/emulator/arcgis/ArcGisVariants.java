package org.giscamel.emulator.arcgis;

import org.giscamel.emulator.http.Variants;

/**
 * The ArcGIS Server emulator's answers where no source says what a real server does: each field is one switch,
 * each value one plausible answer ({@link Variants}; keys {@code gis.emulator.arcgis.<kebab-name>}). The
 * {@link #strict()} profile, the default, gives the harshest plausible answer everywhere, {@link #lenient()} the
 * most forgiving one.
 */
public final class ArcGisVariants {

    /** What {@code GET admin/local?f=json} without a token answers on a machine that is in no site. */
    public enum FreshMachineLocal {
        /** {@code {"machineName": ...}}, as if the resource were open before a site exists. */
        NAME,
        /**
         * The admin envelope with the InvalidSiteException text (Esri/arcgis-powershell-dsc #703) and code 500,
         * HTTP 200, as an independently written stand-in answers; no client reads the name before the join.
         */
        INVALID_SITE
    }

    /** How an anonymous services-directory listing treats a secured service at the root. */
    public enum SecuredRootServices {
        /** Listed to everyone; only its own resource asks for a token (499). */
        LISTED,
        /** Left out of an anonymous root listing, silently; listed only with a token. */
        HIDDEN
    }

    public volatile FreshMachineLocal freshMachineLocal = FreshMachineLocal.INVALID_SITE;
    public volatile SecuredRootServices securedRootServices = SecuredRootServices.HIDDEN;

    public static ArcGisVariants strict() {
        return new ArcGisVariants();
    }

    public static ArcGisVariants lenient() {
        ArcGisVariants v = new ArcGisVariants();
        v.freshMachineLocal = FreshMachineLocal.NAME;
        v.securedRootServices = SecuredRootServices.LISTED;
        return v;
    }

    /** The named profile: {@value Variants#LENIENT} or {@value Variants#STRICT}. */
    public static ArcGisVariants profile(String name) {
        return Variants.LENIENT.equals(Variants.profileName(name)) ? lenient() : strict();
    }
}
