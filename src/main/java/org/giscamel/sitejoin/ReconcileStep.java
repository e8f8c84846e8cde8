package org.giscamel.sitejoin;

/** The steps of the reconcile ({@code routes/site-reconcile.camel.yaml}), in order, as the report names them. */
public enum ReconcileStep implements SiteStep {
    READ_DECLARATION("read-declaration", false),
    READ_SITE("read-site", false),
    PLAN("plan", false),
    APPLY("apply", true);

    private final String label;
    private final boolean bringsChange;

    ReconcileStep(String label, boolean bringsChange) {
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
