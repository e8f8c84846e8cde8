package org.giscamel.emulator.arcgis.gp;

import java.util.List;
import java.util.Map;

/** What a task really computes. Outputs are produced lazily, the first time a finished job's results are read. */
public interface GpTool {

    /**
     * Tool-specific checks of the inputs, run at submit time; each returned message is a geoprocessing error
     * (e.g. {@code ERROR 000366: ..}) that makes the job fail as the real tool would.
     */
    List<String> validate(GpRun run);

    /** Output values by parameter name. */
    Map<String, GpOutput> run(GpRun run);
}
