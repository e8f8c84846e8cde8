package org.giscamel.harvest;

/** How a run ended. Only SUCCEEDED counts as success for the one-shot command's exit code. */
public enum RunStatus {
    /** Every planned write was made (or, in a dry run, planned) and the whole source was read. */
    SUCCEEDED,
    /** Some writes failed, or part of the source could not be read (and nothing under it was deleted). */
    PARTIAL,
    /** The delete guard stopped the run before any write. */
    STOPPED,
    /** The run broke off: the source's root or the portal could not be read, or the portal login failed. */
    FAILED,
    /** A run of the same source was still going, so this one did not start. */
    SKIPPED
}
