package org.giscamel.sitejoin;

import java.util.EnumSet;
import java.util.Set;

/** The steps of the leave chain ({@code routes/site-leave.camel.yaml}), in order, as the report names them. */
public enum LeaveStep implements SiteStep {
    READ_REQUEST, CHECK_MEMBERSHIP, CHECK_GUARDS, STOP_MACHINE, REMOVE_FROM_CLUSTER, UNREGISTER;

    private static final Set<LeaveStep> READ_ONLY = EnumSet.of(READ_REQUEST, CHECK_MEMBERSHIP, CHECK_GUARDS);

    @Override
    public boolean bringsChange() {
        return !READ_ONLY.contains(this);
    }
}
