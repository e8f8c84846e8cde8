package org.giscamel.sitejoin;

import org.giscamel.http.Credentials;

import java.time.Instant;
import java.util.List;

/**
 * One run of the create chain, kept in the exchange property {@value #PROPERTY}: the site to create, the machine's
 * standing, and the report. Holds the administrator's credentials but never shows them.
 */
public final class SiteCreateRun extends SiteRun<SiteReport> {

    public static final String PROPERTY = "gisSiteCreateRun";

    private NewSite newSite;
    private MachineAdmin machine;
    private SiteAdmin site;
    private Credentials administrator;
    private boolean existing;
    private boolean createdNow;
    private int pollAfterSeconds;

    SiteCreateRun(SiteReport report) {
        super(report);
    }

    static SiteReport newReport(Instant startedAt) {
        return new SiteReport("site-create", startedAt, List.of("site", "machineName", "configStore", "directoriesRoot"));
    }

    void begin(NewSite toCreate, MachineAdmin machineAdmin, SiteAdmin siteAdmin, Credentials credentials) {
        newSite = toCreate;
        machine = machineAdmin;
        site = siteAdmin;
        administrator = credentials;
        report().set("site", toCreate.machine().toString());
        report().set("configStore", toCreate.configStore());
        report().set("directoriesRoot", toCreate.directoriesRoot());
    }

    NewSite newSite() {
        return newSite;
    }

    MachineAdmin machine() {
        return machine;
    }

    /** The Administrator API of the site the machine founds, with the administrator's token. */
    SiteAdmin site() {
        return site;
    }

    Credentials administrator() {
        return administrator;
    }

    /** The machine is in a site already, which takes the administrator's credentials. */
    void existing() {
        existing = true;
    }

    boolean isExisting() {
        return existing;
    }

    void created(int pollAfter) {
        createdNow = true;
        existing = true;
        pollAfterSeconds = pollAfter;
    }

    boolean createdNow() {
        return createdNow;
    }

    int pollAfterSeconds() {
        return pollAfterSeconds;
    }

    @Override
    String label() {
        return report().get("machineName").orElse(machine == null ? "(no machine yet)" : machine.toString());
    }

    @Override
    String fileSubject() {
        return ReportFiles.subject(newSite == null ? null : newSite.machine());
    }
}
