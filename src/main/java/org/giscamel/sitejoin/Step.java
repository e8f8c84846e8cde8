package org.giscamel.sitejoin;

import java.util.EnumSet;
import java.util.Set;

/** The steps of the join chain, in order, as the report names them. */
public enum Step implements SiteStep {
    READ_REQUEST, CHECK_MEMBERSHIP, JOIN_SITE, WAIT_FOR_RESTART, GET_ADMIN_TOKEN, READ_MACHINE_NAME, ADD_TO_CLUSTER,
    START_MACHINE;

    private static final Set<Step> READ_ONLY = EnumSet.of(READ_REQUEST, CHECK_MEMBERSHIP, READ_MACHINE_NAME);

    @Override
    public boolean bringsChange() {
        return !READ_ONLY.contains(this);
    }
}
