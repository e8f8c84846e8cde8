package org.giscamel.gp;

/** Picks the protocol adapter a job declaration names; the job's stored declaration keeps it across restarts. */
public final class GpBackends {

    private final GpBackend arcgis;
    private final GpBackend wps;

    public GpBackends(GpBackend arcgis, GpBackend wps) {
        this.arcgis = arcgis;
        this.wps = wps;
    }

    public GpBackend of(GpJobSpec spec) {
        return spec.wpsProcess().isPresent() ? wps : arcgis;
    }
}
