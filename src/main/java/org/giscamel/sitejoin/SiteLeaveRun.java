package org.giscamel.sitejoin;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of the leave chain, kept in the exchange property {@value #PROPERTY}: the request, the machine as the
 * site lists it (or that it is gone already), and the report.
 */
public final class SiteLeaveRun extends SiteRun<SiteReport> {

    public static final String PROPERTY = "gisSiteLeaveRun";

    private SiteLeaveRequest request;
    private SiteAdmin site;
    private MachineAdmin flowMachine;
    private MachineAdmin leavingMachine;
    private String machineName;
    private boolean gone;

    SiteLeaveRun(SiteReport report) {
        super(report);
    }

    static SiteReport newReport(Instant startedAt) {
        return new SiteReport("site-leave", startedAt, List.of("site", "machine", "machineName", "cluster", "force"));
    }

    /**
     * @param flowMachine    the machine at gis.arcgis.url, through which the flow works
     * @param leavingMachine the leaving machine itself, when the request names it by its site root
     */
    void begin(SiteLeaveRequest leaving, SiteAdmin siteAdmin, MachineAdmin flowMachine, MachineAdmin leavingMachine) {
        request = leaving;
        site = siteAdmin;
        this.flowMachine = flowMachine;
        this.leavingMachine = leavingMachine;
        report().set("site", siteAdmin.root().toString());
        report().set("machine", leaving.machine().map(URI::toString).orElse(null));
        report().set("machineName", leaving.machineName().orElse(null));
        report().set("force", String.valueOf(leaving.force()));
    }

    SiteLeaveRequest request() {
        return request;
    }

    SiteAdmin site() {
        return site;
    }

    MachineAdmin flowMachine() {
        return flowMachine;
    }

    MachineAdmin leavingMachine() {
        return leavingMachine;
    }

    /** The machine is a member of the site, under this name. */
    void found(String name) {
        machineName = name;
        report().set("machineName", name);
    }

    /** The machine is not (or no longer) a member of the site. */
    void gone() {
        gone = true;
    }

    boolean isGone() {
        return gone;
    }

    String machineName() {
        return machineName;
    }

    void cluster(String name) {
        report().set("cluster", name);
    }

    Optional<String> cluster() {
        return report().get("cluster");
    }

    @Override
    String label() {
        return machineName != null ? machineName : request == null ? "(no machine yet)"
                : request.machine().map(URI::toString).or(request::machineName).orElseThrow();
    }

    @Override
    String fileSubject() {
        return request == null ? ReportFiles.subject(null)
                : request.machine().map(ReportFiles::subject).orElseGet(() -> ReportFiles.safe(request.machineName().orElseThrow()));
    }
}
