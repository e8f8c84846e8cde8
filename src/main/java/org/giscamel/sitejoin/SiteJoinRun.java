package org.giscamel.sitejoin;

import org.giscamel.http.Credentials;

/**
 * One run of the join chain, kept in the exchange property {@value #PROPERTY} while the route's steps work on it:
 * the request, what the steps found out, and the report. Holds the site's credentials but never shows them.
 */
public final class SiteJoinRun extends SiteRun<SiteJoinReport> {

    public static final String PROPERTY = "gisSiteJoinRun";

    private SiteJoinRequest request;
    private SiteAdmin site;
    private MachineAdmin machine;
    private Credentials credentials;
    private String machineName;
    private boolean inThisSite;
    private boolean joinedNow;
    private int pollAfterSeconds;

    SiteJoinRun(SiteJoinReport report) {
        super(report);
    }

    void begin(SiteJoinRequest completedRequest, SiteAdmin siteAdmin, MachineAdmin machineAdmin, Credentials siteCredentials) {
        request = completedRequest;
        site = siteAdmin;
        machine = machineAdmin;
        credentials = siteCredentials;
        report().site(siteAdmin.root().toString());
        report().machine(machineAdmin.root().toString());
    }

    SiteJoinRequest request() {
        return request;
    }

    SiteAdmin site() {
        return site;
    }

    MachineAdmin machine() {
        return machine;
    }

    Credentials credentials() {
        return credentials;
    }

    @Override
    String label() {
        return machineLabel();
    }

    @Override
    String fileSubject() {
        return ReportFiles.subject(request == null ? null : request.machine());
    }

    /** The machine's own name once known, else its URL: what log lines and messages call it. */
    String machineLabel() {
        return machineName != null ? machineName : machine != null ? machine.toString() : "(no machine yet)";
    }

    String machineName() {
        return machineName;
    }

    /** The machine is a member of this site already, under this name. */
    void inThisSite(String name) {
        inThisSite = true;
        identified(name);
    }

    /** The machine is in no site; its name is learned after the join. */
    void inNoSite() {
        inThisSite = false;
    }

    void identified(String name) {
        machineName = name;
        report().machineName(name);
    }

    boolean inThisSite() {
        return inThisSite;
    }

    void joined(int pollAfter) {
        joinedNow = true;
        inThisSite = true;
        pollAfterSeconds = pollAfter;
    }

    boolean joinedNow() {
        return joinedNow;
    }

    int pollAfterSeconds() {
        return pollAfterSeconds;
    }

    @Override
    public String toString() {
        return "SiteJoinRun[machine=" + machineLabel() + ", outcome=" + report().outcome().label() + "]";
    }
}
