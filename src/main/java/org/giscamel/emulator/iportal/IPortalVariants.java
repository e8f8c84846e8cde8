package org.giscamel.emulator.iportal;

import org.giscamel.emulator.http.Variants;

/**
 * The iPortal emulator's answers where no source says what a real portal does: each field is one switch, each value
 * one plausible answer ({@link Variants}; keys {@code gis.emulator.iportal.<kebab-name>}). The {@link #strict()}
 * profile, the default, gives the harshest plausible answer everywhere, {@link #lenient()} the most forgiving one.
 */
public final class IPortalVariants {

    public static IPortalVariants strict() {
        return new IPortalVariants();
    }

    public static IPortalVariants lenient() {
        return new IPortalVariants();
    }

    /** The named profile: {@value Variants#LENIENT} or {@value Variants#STRICT}. */
    public static IPortalVariants profile(String name) {
        return Variants.LENIENT.equals(Variants.profileName(name)) ? lenient() : strict();
    }
}
