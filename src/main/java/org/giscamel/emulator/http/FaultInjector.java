package org.giscamel.emulator.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The faults armed on one emulator; shared by all of its HTTP servers. */
public final class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    /** Arms a fault for the next {@code times} requests to paths matching {@code pathRegex} (any method). */
    public FaultInjector arm(Fault fault, String pathRegex, int times) {
        return arm(new FaultRule(fault, null, pathRegex, times, 0));
    }

    public FaultInjector arm(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    public void clear() {
        rules.clear();
    }

    /** The first armed rule that applies to this request, consuming one of its shots. */
    Optional<FaultRule> next(String method, String path) {
        for (FaultRule rule : rules) {
            if (rule.appliesTo(method, path) && rule.consume()) {
                if (rule.spent()) {
                    rules.remove(rule);
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
