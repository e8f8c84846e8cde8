package org.giscamel.gp;

import org.giscamel.emulator.arcgis.ArcGisEmulator;
import org.giscamel.emulator.arcgis.ArcGisEmulatorConfig;
import org.giscamel.emulator.arcgis.gp.GpSettings;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An ArcGIS Server emulator whose GP jobs run in a second or so ({@link GpSettings#fast()}), started before each
 * test and closed after it: {@code @RegisterExtension final FastGpEmulator emulator = new FastGpEmulator();}.
 */
final class FastGpEmulator implements BeforeEachCallback, AfterEachCallback {

    private ArcGisEmulator arcgis;

    ArcGisEmulator arcgis() {
        return arcgis;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ArcGisEmulatorConfig config = ArcGisEmulatorConfig.defaults();
        config.gp = GpSettings.fast();
        arcgis = ArcGisEmulator.start(config);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        arcgis.close();
    }
}
