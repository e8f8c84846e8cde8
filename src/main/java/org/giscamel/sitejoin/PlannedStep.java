package org.giscamel.sitejoin;

/**
 * One machine's part of a reconcile plan: what to do, and why.
 *
 * @param adminUrl    the machine's admin URL, as declared or as the site lists it
 * @param machineName its name as the site lists it; null for a machine not in the site yet
 * @param cluster     the declared cluster; null when none is declared
 */
public record PlannedStep(Action action, String adminUrl, String machineName, String cluster, String reason) {

    /** What the reconcile does with one machine; only the first four change the site. */
    public enum Action {
        /** Declared and not in the site: join it (then the join adds it to its cluster and starts it). */
        JOIN("join", true),
        /** In the site but in no cluster: add it to one (then start it), through the join chain. */
        ADD_TO_CLUSTER("add-to-cluster", true),
        /** In the site and its cluster, not STARTED: start it, through the join chain. */
        START("start", true),
        /** In the site, not declared, and the declaration says removeUndeclared: take it out. */
        LEAVE("leave", true),
        /** As declared. */
        UNCHANGED("unchanged", false),
        /** Not declared, kept: the declaration does not say removeUndeclared. */
        KEEP("keep", false),
        /** In another cluster than declared: a machine is in one cluster only, and moving it is left to a person. */
        CONFLICT("conflict", false);

        private final String label;
        private final boolean changesSite;

        Action(String label, boolean changesSite) {
            this.label = label;
            this.changesSite = changesSite;
        }

        public String label() {
            return label;
        }

        public boolean changesSite() {
            return changesSite;
        }
    }

    /** "join http://node3:6080/arcgis/admin" or "leave NODE3.EXAMPLE.COM", for logs and summaries. */
    public String describe() {
        return action.label() + " " + (machineName != null ? machineName : adminUrl);
    }
}
