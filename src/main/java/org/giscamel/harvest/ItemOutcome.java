package org.giscamel.harvest;

/**
 * What became of one planned item.
 *
 * @param registrationId the registration it concerns (the new one after a create); null when none
 * @param error          why it failed, naming the step and the server's words; null unless FAILED
 */
public record ItemOutcome(PlannedItem item, Result result, Integer registrationId, String error) {

    /** The result of one item. */
    public enum Result {
        /** The write was made. */
        DONE,
        /** The write failed (after its retries); the run went on. */
        FAILED,
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
