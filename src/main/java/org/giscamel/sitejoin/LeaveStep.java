package org.giscamel.sitejoin;

/** The steps of the leave chain ({@code routes/site-leave.camel.yaml}), in order, as the report names them. */
public enum LeaveStep implements SiteStep {
    READ_REQUEST("read-request", false),
    CHECK_MEMBERSHIP("check-membership", false),
    CHECK_GUARDS("check-guards", false),
    STOP_MACHINE("stop-machine", true),
    REMOVE_FROM_CLUSTER("remove-from-cluster", true),
    UNREGISTER("unregister", true);

    private final String label;
    private final boolean bringsChange;

    LeaveStep(String label, boolean bringsChange) {
        this.label = label;
        this.bringsChange = bringsChange;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean bringsChange() {
        return bringsChange;
    }
}
