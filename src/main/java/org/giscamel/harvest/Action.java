package org.giscamel.harvest;

/** What a run does about one service or registration. */
public enum Action {
    /** In the source, not in the portal: register it. */
    CREATE,
    /** In both, but the registration's content is out of date: update it. */
    UPDATE,
    /** In the portal, gone from the source: delete the registration. */
    DELETE,
    /** In both and up to date. */
    UNCHANGED,
    /** Looks gone, but lies in a part of the source that could not be read: keep it this run. */
    KEEP
}
