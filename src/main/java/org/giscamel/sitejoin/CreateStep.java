package org.giscamel.sitejoin;

import java.util.EnumSet;
import java.util.Set;

/** The steps of the create chain ({@code routes/site-create.camel.yaml}), in order, as the report names them. */
public enum CreateStep implements SiteStep {
    READ_REQUEST, CHECK_SITE, CREATE_SITE, WAIT_FOR_RESTART, VERIFY_WITH_TOKEN;

    private static final Set<CreateStep> READ_ONLY = EnumSet.of(READ_REQUEST, CHECK_SITE, VERIFY_WITH_TOKEN);

    @Override
    public boolean bringsChange() {
        return !READ_ONLY.contains(this);
    }
}
