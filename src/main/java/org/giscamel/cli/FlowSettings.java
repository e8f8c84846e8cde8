package org.giscamel.cli;

import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnections;
import org.giscamel.gp.GpFlowSettings;
import org.giscamel.harvest.HarvestConfiguration;
import org.giscamel.ops.ObserveSettings;
import org.giscamel.sitejoin.SiteCreateSettings;
import org.giscamel.sitejoin.SiteJoinSettings;
import org.giscamel.sitejoin.SiteLeaveSettings;
import org.giscamel.sitejoin.SiteReconcileSettings;
import org.giscamel.status.StatusSettings;
import org.giscamel.wiring.GisBeans;

/** Every flow's {@code gis.*} keys, read by the flow's own reader: nothing is opened, started or created. */
final class FlowSettings {

    private FlowSettings() {
    }

    /** Reads them all; each wrong or missing value is recorded in {@code settings}, naming its key. */
    static void readAll(GisSettings settings) {
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
