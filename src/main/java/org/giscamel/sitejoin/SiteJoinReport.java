package org.giscamel.sitejoin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The report of one run of the join chain: the site, the machine, its name and cluster, and the site's release. */
public final class SiteJoinReport extends SiteReport {

    public SiteJoinReport(Instant startedAt) {
        super("site-join", startedAt, List.of("site", "machine", "machineName", "cluster", "siteVersion"));
    }

    void site(String value) {
        set("site", value);
    }

    void machine(String value) {
        set("machine", value);
    }

    void machineName(String value) {
        set("machineName", value);
    }

    void cluster(String value) {
        set("cluster", value);
    }

    void siteVersion(String value) {
        set("siteVersion", value);
    }

    public Optional<String> machineName() {
        return get("machineName");
    }

    /** "done: NODE2 in site http://..., cluster default, STARTED", or the failed step. */
    @Override
    public synchronized String summary() {
        if (failure().isPresent()) {
            return super.summary();
        }
        List<String> parts = new ArrayList<>();
        parts.add(machineName().or(() -> get("machine")).orElse(null) + " in site " + get("site").orElse(null));
        get("cluster").ifPresent(c -> parts.add("cluster " + c));
        step(Step.START_MACHINE).filter(s -> s.outcome() != StepOutcome.SKIPPED).ifPresent(s -> parts.add("STARTED"));
        return outcome().label() + ": " + String.join(", ", parts);
    }
}
