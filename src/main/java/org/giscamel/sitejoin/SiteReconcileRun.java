package org.giscamel.sitejoin;

import java.time.Instant;
import java.util.List;

/**
 * One reconcile, kept in the exchange property {@value #PROPERTY}: the declaration, the site as read, the plan, and
 * the report.
 */
public final class SiteReconcileRun extends SiteRun<SiteReconcileReport> {

    public static final String PROPERTY = "gisSiteReconcileRun";

    private SiteDeclaration declaration;
    private SiteAdmin site;
    private SiteState state;
    private List<PlannedStep> plan = List.of();
    private boolean dryRun;

    SiteReconcileRun(Instant startedAt) {
        super(new SiteReconcileReport(startedAt));
    }

    void begin(SiteDeclaration declared, String source, SiteAdmin siteAdmin, boolean dry) {
        declaration = declared;
        site = siteAdmin;
        dryRun = dry;
        report().set("site", siteAdmin.root().toString());
        report().set("declaration", source);
        report().set("removeUndeclared", String.valueOf(declared.removeUndeclared()));
        report().dryRun(dry);
    }

    SiteDeclaration declaration() {
        return declaration;
    }

    SiteAdmin site() {
        return site;
    }

    boolean dryRun() {
        return dryRun;
    }

    void state(SiteState read) {
        state = read;
    }

    SiteState state() {
        return state;
    }

    void plan(List<PlannedStep> planned) {
        plan = List.copyOf(planned);
        report().plan(planned);
    }

    List<PlannedStep> plan() {
        return plan;
    }

    @Override
    String label() {
        return site == null ? "(no site yet)" : site.toString();
    }

    @Override
    String fileSubject() {
        return site == null ? "invalid-declaration" : ReportFiles.subject(site.root());
    }
}
