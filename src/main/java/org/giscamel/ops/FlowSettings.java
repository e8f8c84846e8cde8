package org.giscamel.ops;

import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnections;
import org.giscamel.gp.GpFlowSettings;
import org.giscamel.harvest.HarvestConfiguration;
import org.giscamel.routes.GisBeans;
import org.giscamel.sitejoin.SiteCreateSettings;
import org.giscamel.sitejoin.SiteJoinSettings;
import org.giscamel.sitejoin.SiteLeaveSettings;
import org.giscamel.sitejoin.SiteReconcileSettings;
import org.giscamel.status.StatusSettings;

/** Every flow's {@code gis.*} keys, read by the flow's own reader: nothing is opened, started or created. */
public final class FlowSettings {

    private FlowSettings() {
    }

    /** Reads them all; each wrong or missing value is recorded in {@code settings}, naming its key. */
    public static void readAll(GisSettings settings) {
        GisBeans.httpSettings(settings);
        GisBeans.tokenSettings(settings);
        GisBeans.retryPolicy(settings);
        ServerConnections.from(settings);
        SiteJoinSettings.from(settings);
        SiteCreateSettings.from(settings);
        SiteLeaveSettings.from(settings);
        SiteReconcileSettings.from(settings);
        new HarvestConfiguration().read(settings);
        GpFlowSettings.from(settings);
        ObserveSettings.from(settings);
        StatusSettings.from(settings);
    }
}
