package org.giscamel.sitejoin;

import java.util.Locale;

/** A step of one of the site flows (join, create, leave, reconcile), as its report names it. */
public interface SiteStep {

    /** The enum constant's name; the report's label is made from it. */
    String name();

    /** As reports and logs name it: the constant in kebab case, {@code WAIT_FOR_RESTART} as wait-for-restart. */
    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** False for the steps that only read and check, which are "done" on every run. */
    boolean bringsChange();

    /** Its place in its flow; a report lists its steps in this order. */
    int ordinal();
}
