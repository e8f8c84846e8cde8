package org.giscamel.harvest;

/**
 * What became of one planned item.
 *
 * @param registrationId the registration it concerns (the new one after a create); null when none
 * @param error          why it failed or was not registered, naming the step and the server's words; null unless
 *                       FAILED or NOT_REGISTERED
 */
public record ItemOutcome(PlannedItem item, Result result, Integer registrationId, String error) {

    /** The result of one item. */
    public enum Result {
        /** The write was made. */
        DONE,
        /** The write failed (after its retries); the run went on. */
        FAILED,
        /**
         * The portal refused a create for a reason the harvester knows and no retry or setting of its own can change
         * (a secured ArcGIS service, which iPortal takes only with a way to get its token); the error says why and
         * what the operator can do. Not a failed write: the run's status stays as the other items make it.
         */
        NOT_REGISTERED,
        /** A dry run: planned, not made. */
        DRY_RUN,
        /** The delete guard stopped the run before any write. */
        WITHHELD,
        /** Nothing to write (UNCHANGED, KEEP). */
        NONE
    }

    static ItemOutcome notApplied(PlannedItem item, Result result) {
        return new ItemOutcome(item, result, item.registrationId(), null);
    }
}
