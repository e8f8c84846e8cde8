package org.giscamel.sitejoin;

/** The steps of the create chain ({@code routes/site-create.camel.yaml}), in order, as the report names them. */
public enum CreateStep implements SiteStep {
    READ_REQUEST("read-request", false),
    CHECK_SITE("check-site", false),
    CREATE_SITE("create-site", true),
    WAIT_FOR_RESTART("wait-for-restart", true),
    VERIFY_WITH_TOKEN("verify-with-token", false);

    private final String label;
    private final boolean bringsChange;

    CreateStep(String label, boolean bringsChange) {
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
