package org.giscamel.sitejoin;

/** A step of one of the site flows (join, create, leave, reconcile), as its report names it. */
public interface SiteStep {

    String label();

    /** False for the steps that only read and check, which are "done" on every run. */
    boolean bringsChange();

    /** Its place in its flow; a report lists its steps in this order. */
    int ordinal();
}
