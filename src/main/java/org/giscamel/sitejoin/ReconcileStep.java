package org.giscamel.sitejoin;

import java.util.EnumSet;
import java.util.Set;

/** The steps of the reconcile ({@code routes/site-reconcile.camel.yaml}), in order, as the report names them. */
public enum ReconcileStep implements SiteStep {
    READ_DECLARATION, READ_SITE, PLAN, APPLY;

    private static final Set<ReconcileStep> READ_ONLY = EnumSet.of(READ_DECLARATION, READ_SITE, PLAN);

    @Override
    public boolean bringsChange() {
        return !READ_ONLY.contains(this);
    }
}
