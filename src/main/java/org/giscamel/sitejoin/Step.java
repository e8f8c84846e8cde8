package org.giscamel.sitejoin;

/** The steps of the join chain, in order, as the report names them. */
public enum Step implements SiteStep {
    READ_REQUEST("read-request", false),
    CHECK_MEMBERSHIP("check-membership", false),
    JOIN_SITE("join-site", true),
    WAIT_FOR_RESTART("wait-for-restart", true),
    GET_ADMIN_TOKEN("get-admin-token", true),
    READ_MACHINE_NAME("read-machine-name", false),
    ADD_TO_CLUSTER("add-to-cluster", true),
    START_MACHINE("start-machine", true);

    private final String label;
    private final boolean bringsChange;

    Step(String label, boolean bringsChange) {
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
