package org.giscamel.harvest;

/**
 * The check that stops a run from deleting more than a set share of the registrations it owns, the signature of a
 * source that answered with an empty or partial catalog. {@code --force} overrides it.
 */
public record DeleteGuard(int deletes, int owned, int limitPercent, boolean forced) {

    /** True when the run must not write anything. */
    public boolean tripped() {
        return !forced && (long) deletes * 100 > (long) owned * limitPercent;
    }

    public String reason() {
        return "the run would delete " + deletes + " of the " + owned + " registrations it owns, more than the "
                + limitPercent + "% the delete guard allows (gis.harvest.delete-guard-percent); nothing was changed."
                + " Check the source, then run `harvest --force` if the deletions are intended";
    }
}
